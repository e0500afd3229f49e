/**
 * The linker's own standard library (`toolchain/link-std.ts`): built in the background after the
 * warm-up, then what run mode links against, and the programs it makes behave as the ones linked
 * against the master cache.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPlatform } from '../../src/platform.ts';
import type { LaunchSpec } from '../../src/sandbox/launch.ts';
import { createService, type Service } from '../../src/service.ts';
import { linkStdOf } from '../../src/toolchain/link-std.ts';
import { warmDir } from '../../src/toolchain/warm.ts';
import { waitFor } from '../support/wait-for.ts';
import { STATE_DIR, analyze, mainGo } from './harness.ts';

/** Counts its own allocations: the figure a learner reads, which must not depend on the std. */
const COUNTS = `package main

import (
	"fmt"
	"runtime"
)

type node struct{ next *node; v [4]int }

//go:noinline
func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head}
	}
	return head
}

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	h := build(1000)
	runtime.ReadMemStats(&b)
	fmt.Println("mallocs", b.Mallocs-a.Mallocs, "bytes", b.TotalAlloc-a.TotalAlloc, h != nil)
}
`;

describe('the link std', () => {
  let service: Service;
  const links: LaunchSpec[] = [];
  let dir: string;
  beforeAll(async () => {
    service = await createService(
      { stateDir: STATE_DIR, warmAtStart: true, log: () => {}, readySandboxes: 0 },
      {
        platform: {
          runner: {
            launch: hostPlatform.runner.launch,
            prepare: (mode, spec) => {
              if (spec.argv[0]?.endsWith('/link')) links.push(spec);
              return hostPlatform.runner.prepare(mode, spec);
            },
          },
        },
      },
    );
    dir = warmDir(STATE_DIR, service.toolchains().default);
    // Built in the background at nice 19: about a minute of two cores on a fresh state dir.
  }, 300_000);
  afterAll(async () => {
    await service.close();
  });

  it('is built after the warm-up, and run mode then links against it', async () => {
    expect(await waitFor(() => linkStdOf(dir) !== undefined, 280_000)).toBe(true);
    const std = linkStdOf(dir)!;
    // Every package of the master importcfg, no other.
    const pkgs = (f: string) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('=')[0]);
    expect(pkgs(std.importcfg)).toEqual(pkgs(path.join(dir, 'importcfg')));
    // The stamp comes with the upgrade; the next job after it links against the link std.
    await expect
      .poll(
        async () => {
          links.length = 0;
          const r = await analyze(service, mainGo(COUNTS, { mode: 'run' }));
          expect(r.run?.exitCode).toBe(0);
          return links.at(-1)?.argv.includes(std.importcfg) ?? false;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const binds = links.at(-1)!.binds.map((b) => b.src);
    expect(binds).toContain(std.gocache);
    // The master cache is not mounted into the link step any more: it reads nothing there.
    expect(binds).not.toContain(path.join(dir, 'cache'));
  }, 300_000);

  it('makes programs that allocate and print exactly as those linked against the master std', () => {
    const std = linkStdOf(dir);
    expect(std).toBeDefined();
    // The warm-up's stamp names the GOROOT the jobs see.
    const { goroot } = JSON.parse(fs.readFileSync(path.join(dir, 'ready.json'), 'utf8')) as {
      goroot: string;
    };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-link-std-'));
    try {
      const go = path.join(goroot, 'bin', 'go');
      const env = {
        ...process.env,
        GOROOT: goroot,
        GOMAXPROCS: '1',
        GOCACHE: path.join(dir, 'cache'),
      };
      fs.writeFileSync(path.join(tmp, 'main.go'), COUNTS);
      const master = path.join(dir, 'importcfg');
      execFileSync(
        go,
        [
          'tool',
          'compile',
          '-p',
          'main',
          '-complete',
          '-importcfg',
          master,
          '-o',
          path.join(tmp, 'main.a'),
          '-pack',
          path.join(tmp, 'main.go'),
        ],
        { env },
      );
      const outputs = [master, std!.importcfg].map((cfg, i) => {
        const prog = path.join(tmp, `prog${i}`);
        execFileSync(
          go,
          ['tool', 'link', '-s', '-w', '-importcfg', cfg, '-o', prog, path.join(tmp, 'main.a')],
          { env },
        );
        return execFileSync(prog, { env: { GOMAXPROCS: '1' } }).toString();
      });
      expect(outputs[0]).toMatch(/^mallocs 1000 bytes \d+ true\n$/);
      expect(outputs[1]).toBe(outputs[0]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
