/**
 * The launcher shell's own duties (`ladder` in sandbox/launch.ts): it joins the job's cgroups and
 * sets the rlimits with builtins before it drops root and execs bubblewrap. Both must hold for
 * the program (soft and hard, so it cannot raise them), and a cgroup it cannot join must stop the
 * ladder rather than run the program outside its limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertLaunched } from '../../src/pipeline/job-context.ts';
import { createWorkspace, type Workspace } from '../../src/pipeline/workspace.ts';
import type { CgroupManager, JobCgroup } from '../../src/sandbox/cgroup.ts';
import { detectSandbox } from '../../src/sandbox/detect.ts';
import { launch, type SandboxMode } from '../../src/sandbox/launch.ts';
import type { Service } from '../../src/service.ts';
import { discoverToolchains } from '../../src/toolchain/discover.ts';
import { locateGo } from '../../src/toolchain/locate-go.ts';
import { runMain, startHostileService } from '../support/hostile-service.ts';
import { settledLeftovers } from '../support/leftovers.ts';
import { STATE_DIR } from './harness.ts';

const UID = 10088;
const goroot = discoverToolchains(locateGo())[0]!.hostGoroot;

/** Prints each limit's soft and hard value, and what raising the hard one past itself gives. */
const LIMITS = `package main

import (
	"fmt"
	"syscall"
)

func main() {
	for _, l := range []struct {
		name string
		res  int
	}{{"fsize", syscall.RLIMIT_FSIZE}, {"nofile", syscall.RLIMIT_NOFILE}, {"core", syscall.RLIMIT_CORE}} {
		var r syscall.Rlimit
		if err := syscall.Getrlimit(l.res, &r); err != nil {
			panic(err)
		}
		raised := r
		raised.Max++
		raised.Cur = raised.Max
		fmt.Println(l.name, r.Cur, r.Max, syscall.Setrlimit(l.res, &raised))
	}
}
`;

describe('the launcher shell', () => {
  let service: Service | undefined;
  let ws: Workspace | undefined;
  let mode: SandboxMode | undefined;
  const scope = { stateDir: STATE_DIR, uid: UID };
  beforeAll(async () => {
    service = await startHostileService(UID);
  });
  afterAll(async () => {
    await service?.close();
    ws?.remove();
    mode?.cgroups?.removeParent();
    fs.rmSync(path.join(STATE_DIR, `ladder-${process.pid}`), { recursive: true, force: true });
  });

  it('sets the run step rlimits soft and hard, and the program cannot raise them', async () => {
    const r = await runMain(service!, LIMITS);
    expect(r.run?.exitCode).toBe(0);
    const lines = r.run?.stdout.text.split('\n').filter(Boolean);
    expect(lines).toEqual([
      `fsize ${16 * 1024 * 1024} ${16 * 1024 * 1024} operation not permitted`,
      'nofile 256 256 operation not permitted',
      'core 0 0 operation not permitted',
    ]);
    expect(await settledLeftovers({ ...scope, idle: () => service!.idleSandboxes() })).toEqual([]);
  });

  it('stops before bubblewrap when it cannot join a cgroup', async () => {
    ws = createWorkspace(path.join(STATE_DIR, `ladder-${process.pid}`), [], UID);
    mode = (
      await detectSandbox({ uid: UID, force: undefined, probeGoroot: goroot, probeDir: ws.dir })
    ).mode;
    expect(mode.kind).toBe('bubblewrap');
    // A group whose procs file cannot be written, as when a cgroup vanished or the kernel refused.
    const unjoinable: JobCgroup = {
      procsFiles: () => [path.join(ws!.dir, 'no-such-dir', 'cgroup.procs')],
      verdict: () => ({ cpuMs: 0, oomKilled: false, memoryLimitHit: false, pidsLimitHit: false }),
      destroy: () => Promise.resolve(),
      killAll: () => undefined,
    };
    const cgroups: CgroupManager = {
      version: 'v1',
      create: () => unjoinable,
      jobsPresent: () => [],
      removeParent: () => undefined,
    };
    const r = await launch(
      { ...mode, cgroups },
      {
        argv: [`${goroot}/bin/go`, 'version'],
        env: { HOME: '/tmp', GOTOOLCHAIN: 'local' },
        jobDir: ws.dir,
        jobWritable: false,
        binds: [{ src: goroot, dst: goroot, writable: false }],
        wallMs: 10_000,
        memoryBytes: 256 * 1024 * 1024,
        pids: 16,
        fileBytes: 1024 * 1024,
        stdoutCap: 4096,
        stderrCap: 4096,
      },
    );
    expect(r.exitCode).toBe(126);
    expect(r.stderr.text).toMatch(/^sh: /);
    // Without the check the shell went on: `go version` ran, outside any cgroup.
    expect(r.stdout.text).toBe('');
    // The service answers that as its own failure (a 5xx, never cached), not as the program's.
    expect(() => assertLaunched(r, 'compile')).toThrow(/sandbox failed to start the compile step/);
  });
});
