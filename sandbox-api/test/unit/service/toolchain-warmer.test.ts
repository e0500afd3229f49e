/**
 * The warmer's hand-over to the linker's own std (`toolchain/link-std.ts`), with a stand-in
 * build: jobs get the master std until the link std is ready, then the link std; a GOEXPERIMENT
 * build never asks for one; closing stops a build and ignores its late result.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config.ts';
import type { Platform } from '../../../src/platform.ts';
import type { LinkInputs } from '../../../src/toolchain/link-std.ts';
import { toolchainWarmer } from '../../../src/toolchain/toolchain-warmer.ts';
import { fakePlatform } from '../../support/fake-platform.ts';

const LINK_STD: LinkInputs = { importcfg: '/fake/importcfg.link', gocache: '/fake/cache-link' };

function setUp() {
  const builds: { resolve: (l: LinkInputs | undefined) => void; signal: AbortSignal }[] = [];
  const { platform } = fakePlatform(() => ({}), {
    buildLinkStd: (_w, _dir, _log, signal) =>
      new Promise((resolve) => builds.push({ resolve, signal })),
  });
  const known = new Map([
    ['go1.26.8', { version: 'go1.26.8', hostGoroot: '/fake/go', goos: 'linux', goarch: 'amd64' }],
  ]);
  const warmer = toolchainWarmer(platform as Platform, known, defaultConfig(), []);
  return { warmer, builds };
}

describe('toolchainWarmer and the link std', () => {
  it('gives the master std until the link std is built, then the link std', async () => {
    const { warmer, builds } = setUp();
    const first = await warmer.ensureWarm('go1.26.8');
    expect(first.link.importcfg).toBe(first.importcfg);
    expect(builds).toHaveLength(1);
    builds[0]!.resolve(LINK_STD);
    await expect.poll(async () => (await warmer.ensureWarm('go1.26.8')).link).toEqual(LINK_STD);
    // The compiler's inputs stay the master's.
    expect((await warmer.ensureWarm('go1.26.8')).importcfg).toBe(first.importcfg);
    expect(builds).toHaveLength(1);
    await warmer.close();
  });

  it('asks no link std for a GOEXPERIMENT build', async () => {
    const { warmer, builds } = setUp();
    const w = await warmer.ensureWarm('go1.26.8', 'nogreenteagc');
    expect(w.link.importcfg).toBe(w.importcfg);
    expect(builds).toHaveLength(0);
    await warmer.close();
  });

  it('stops the build on close and keeps the master std after', async () => {
    const { warmer, builds } = setUp();
    await warmer.ensureWarm('go1.26.8');
    const closed = warmer.close();
    expect(builds[0]!.signal.aborted).toBe(true);
    builds[0]!.resolve(LINK_STD);
    await closed;
    const w = await warmer.ensureWarm('go1.26.8');
    expect(w.link.importcfg).toBe(w.importcfg);
  });
});
