/**
 * Prepared launches (`prepareLaunch`): run mode sets the link and run sandboxes up while the
 * compiler works. A sandbox that is never released must leave nothing behind, a released one
 * must run under the same limits with its wall clock starting at release, and a run-mode job
 * that stops early (compile error) must cancel the two it prepared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/pipeline/workspace.ts';
import { detectSandbox } from '../../src/sandbox/detect.ts';
import { prepareLaunch, type LaunchSpec, type SandboxMode } from '../../src/sandbox/launch.ts';
import type { Service } from '../../src/service.ts';
import { discoverToolchains } from '../../src/toolchain/discover.ts';
import { locateGo } from '../../src/toolchain/locate-go.ts';
import { runMain, startHostileService } from '../support/hostile-service.ts';
import { findLeftovers, processesOfUid, settledLeftovers } from '../support/leftovers.ts';
import { STATE_DIR } from './harness.ts';

const UID = 10086;
const goroot = discoverToolchains(locateGo())[0]!.hostGoroot;

describe('prepared launches', () => {
  let mode: SandboxMode;
  let ws: Workspace;
  let service: Service | undefined;
  beforeAll(async () => {
    // Its own parent: the leftover check counts job dirs under <state>/jobs.
    ws = createWorkspace(path.join(STATE_DIR, `prepared-${process.pid}`), [], UID);
    mode = (
      await detectSandbox({ uid: UID, force: undefined, probeGoroot: goroot, probeDir: ws.dir })
    ).mode;
    expect(mode.kind).toBe('bubblewrap');
  });
  afterAll(async () => {
    await service?.close();
    fs.rmSync(path.join(STATE_DIR, `prepared-${process.pid}`), { recursive: true, force: true });
    mode.cgroups?.removeParent();
  });

  const spec = (wallMs: number): LaunchSpec => ({
    argv: [`${goroot}/bin/go`, 'version'],
    env: { HOME: '/tmp', GOTOOLCHAIN: 'local' },
    jobDir: ws.dir,
    jobWritable: false,
    binds: [{ src: goroot, dst: goroot, writable: false }],
    wallMs,
    memoryBytes: 512 * 1024 * 1024,
    pids: 32,
    fileBytes: 1024 * 1024,
    stdoutCap: 4096,
    stderrCap: 4096,
  });
  const scope = { stateDir: STATE_DIR, uid: UID };
  const sandboxUp = (): boolean => processesOfUid(UID).some((p) => p.name === 'bwrap');

  it('waits set up, and its wall clock starts only when released', async () => {
    const t0 = performance.now();
    const prepared = prepareLaunch(mode, spec(1_500));
    // Held longer than its own wall limit before release: a clock started at set-up would kill it.
    await expect
      .poll(() => sandboxUp() && performance.now() - t0 > 2_000, { timeout: 15_000 })
      .toBe(true);
    const r = await prepared.start();
    expect(r).toMatchObject({ exitCode: 0, timedOut: false, aborted: false });
    expect(r.stdout.text).toMatch(/^go version go1\./);
    expect(await settledLeftovers(scope)).toEqual([]);
  });

  it('cancelled before release: killed, its cgroup removed, the program never ran', async () => {
    const prepared = prepareLaunch(mode, spec(10_000));
    await expect.poll(sandboxUp, { timeout: 15_000 }).toBe(true);
    expect(findLeftovers(scope).some((l) => l.startsWith('cgroup '))).toBe(true);
    await prepared.cancel();
    expect(await settledLeftovers(scope)).toEqual([]);
    // start() after cancel reports the kill instead of running anything.
    expect(await prepared.start()).toMatchObject({ aborted: true, stdout: { text: '' } });
  });

  it('a run-mode job that fails to compile cancels the link and run it prepared', async () => {
    service = await startHostileService(UID);
    const r = await runMain(service, 'package main\n\nfunc main() { x := 1 }\n');
    expect(r.ok).toBe(false);
    expect(r.compileErrors[0]?.message).toMatch(/declared and not used: x/);
    expect(r.run).toBeUndefined();
    expect(await settledLeftovers({ ...scope, idle: () => service!.idleSandboxes() })).toEqual([]);
  });
});
