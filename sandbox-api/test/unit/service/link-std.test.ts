/**
 * `buildLinkStd`'s guards, in a temp dir with a GOROOT that has no `go`: anything that tried to
 * build would fail, so these cases show that it did not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLinkStd, linkStdOf } from '../../../src/toolchain/link-std.ts';
import type { WarmToolchain } from '../../../src/toolchain/warm.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function warmDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-link-std-'));
  dirs.push(d);
  return d;
}
const W: WarmToolchain = {
  version: 'go1.26.8',
  hostGoroot: '/nonexistent/go',
  goos: 'linux',
  goarch: 'amd64',
  goroot: '/nonexistent/go',
  gocache: '/nonexistent/cache',
  importcfg: '/nonexistent/importcfg',
  link: { importcfg: '/nonexistent/importcfg', gocache: '/nonexistent/cache' },
  stdPackages: new Set(),
};
const never = new AbortController().signal;

describe('buildLinkStd', () => {
  it('returns what is stamped without building', async () => {
    const dir = warmDir();
    fs.writeFileSync(path.join(dir, 'importcfg.link'), 'packagefile fmt=/x\n');
    fs.writeFileSync(path.join(dir, 'link-ready.json'), '{}');
    const got = await buildLinkStd(W, dir, () => {}, never);
    expect(got).toEqual({
      importcfg: path.join(dir, 'importcfg.link'),
      gocache: path.join(dir, 'cache-link'),
    });
    expect(linkStdOf(dir)).toEqual(got);
  });

  it('leaves a build another live process holds the lock for to that process', async () => {
    const dir = warmDir();
    fs.mkdirSync(path.join(dir, '.lock-link'));
    // pid 1 is always alive.
    fs.writeFileSync(path.join(dir, '.lock-link', 'owner'), '1');
    expect(await buildLinkStd(W, dir, () => {}, never)).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, '.lock-link', 'owner'), 'utf8')).toBe('1');
  });

  it('takes over the lock of a process that died mid-build', async () => {
    const dir = warmDir();
    fs.mkdirSync(path.join(dir, '.lock-link'));
    // A pid above the kernel's pid_max is never alive.
    fs.writeFileSync(path.join(dir, '.lock-link', 'owner'), String(2 ** 23));
    // It builds (and, with no go here, fails), then releases the lock.
    await expect(buildLinkStd(W, dir, () => {}, never)).rejects.toThrow(/go list exited/);
    expect(fs.existsSync(path.join(dir, '.lock-link'))).toBe(false);
  });

  it('builds none for a GOEXPERIMENT toolchain', async () => {
    const dir = warmDir();
    expect(await buildLinkStd({ ...W, goexperiment: 'nogreenteagc' }, dir, () => {}, never)).toBe(
      undefined,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails without leaving its lock when the build cannot run', async () => {
    const dir = warmDir();
    await expect(buildLinkStd(W, dir, () => {}, never)).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, '.lock-link'))).toBe(false);
    expect(linkStdOf(dir)).toBeUndefined();
  });
});
