import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../src/protocol.ts';
import { createService, type Service } from '../../src/service.ts';
import { STATE_DIR } from './harness.ts';
import { brokenToolchain } from '../support/fake-toolchain.ts';
import { appFor, errorOf, postAnalyze } from '../support/http-app.ts';
import { expectServiceRecovered, startHostileService } from '../support/hostile-service.ts';
import {
  findLeftovers,
  jobCgroups,
  jobDirs,
  processesOfUid,
  settledLeftovers,
} from '../support/leftovers.ts';
import { waitFor } from '../support/wait-for.ts';

const UID = 10073;
const SLEEP = 'package main\n\nimport "time"\n\nfunc main() { time.Sleep(time.Hour) }\n';

/**
 * Starts a service on a fake `go` and expects it to come up "down": health says why, and
 * analyze is a 503, with the sandbox never switched off.
 */
async function toolchainFault(kind: 'missing' | 'broken'): Promise<void> {
  const fake = brokenToolchain(kind);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-fault-state-'));
  process.env['GO'] = fake.go;
  let service: Service | undefined;
  try {
    service = await createService({ stateDir, log: () => {}, sandboxUid: UID });
    const health = service.health();
    expect(health.status).not.toBe('ok');
    expect(health.problems.join(' ')).toMatch(/toolchain|go/i);
    // A broken toolchain must not switch the sandbox off: fail closed, never open. (With no
    // toolchain at all there is nothing to probe and nothing runs.)
    if (kind === 'broken') expect(health.sandbox.mode).toBe('bubblewrap');
    else expect(health.status).toBe('down');
    const { app, cleanup } = appFor(service);
    try {
      const res = await postAnalyze(
        app,
        JSON.stringify({ files: [{ name: 'main.go', content: SLEEP }] }),
      );
      const { status, error } = await errorOf(res);
      expect(status).toBe(503);
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/toolchain|go/i);
    } finally {
      cleanup();
    }
  } finally {
    delete process.env['GO'];
    await service?.close();
    fake.cleanup();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

describe('faults: the toolchain at start', () => {
  const saved = process.env['GO'];
  afterAll(() => {
    if (saved === undefined) delete process.env['GO'];
    else process.env['GO'] = saved;
  });

  it.each(['missing', 'broken'] as const)(
    'a %s toolchain: the service starts, health says so, requests get a clear 503',
    (kind) => toolchainFault(kind),
  );
  // Was a hole: the probe's failure switched the sandbox to "none" and jobs ran as root.
  it('a sandbox probe that fails never leaves the service running jobs unsandboxed as root', async () => {
    // The fake reports go1.26.8, whose warm stamp in the shared state dir points at the real
    // GOROOT: jobs can compile and run, but the sandbox probe (fake GOROOT) fails.
    const fake = brokenToolchain('broken');
    process.env['GO'] = fake.go;
    let service: Service | undefined;
    try {
      service = await createService({ stateDir: STATE_DIR, log: () => {}, sandboxUid: UID });
      const answer = await service
        .analyze({
          files: [
            {
              name: 'main.go',
              content:
                'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Println("uid:", os.Getuid()) }\n',
            },
          ],
          mode: 'run',
          escapeDetail: 1,
          inline: true,
          env: {},
        })
        .then(
          (r) => `ran: ${r.run?.stdout.text.trim() ?? ''}`,
          (e: unknown) => `refused: ${(e as { status?: number }).status ?? String(e)}`,
        );
      // Either refused (503) or, if it ran at all, not as root.
      expect(answer).not.toBe('ran: uid: 0');
      expect(answer).toMatch(/^refused: 503$|^ran: uid: [1-9]/);
    } finally {
      delete process.env['GO'];
      await service?.close();
      fake.cleanup();
    }
  });
});

describe('faults: scratch disk', () => {
  let service: Service;
  let jobsMount: string;
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-fault-disk-'));
  const filler = (): string => path.join(jobsMount, 'filler');

  /** Fills the jobs filesystem, then gives back `leaveBytes`. */
  function fill(leaveBytes: number): void {
    const fd = fs.openSync(filler(), 'w');
    try {
      const block = Buffer.alloc(64 * 1024, 1);
      for (;;) fs.writeSync(fd, block);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    if (leaveBytes > 0) fs.truncateSync(filler(), fs.statSync(filler()).size - leaveBytes);
  }

  beforeAll(async () => {
    // The warm toolchains are shared (through a symlink, so only import-free programs compile:
    // the importcfg names the real path); the jobs dir is a small tmpfs this test controls.
    fs.symlinkSync(path.join(STATE_DIR, 'toolchains'), path.join(stateDir, 'toolchains'));
    jobsMount = path.join(stateDir, 'jobs');
    fs.mkdirSync(jobsMount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=755', 'tmpfs', jobsMount]);
    service = await startHostileService(UID, { stateDir });
  });
  afterAll(async () => {
    await service.close();
    execFileSync('umount', ['-l', jobsMount]);
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  const build = (word: string, arrayLen = 1) =>
    JSON.stringify({
      files: [
        {
          name: 'main.go',
          content: `package main\n\nvar data = [${arrayLen}]int{${arrayLen - 1}: 7}\n\nfunc main() { println("${word}", data[${arrayLen - 1}]) }\n`,
        },
      ],
    });

  it('full: a clear 503, and the same request works once there is room', async () => {
    fill(0);
    const { app, cleanup } = appFor(service);
    try {
      const { status, error } = await errorOf(await postAnalyze(app, build('full')));
      expect(status).toBe(503);
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/disk|space/i);
    } finally {
      fs.rmSync(filler(), { force: true });
      cleanup();
    }
  });

  it('full: whatever the first answer, the service recovers as soon as there is room', async () => {
    fill(0);
    const { app, cleanup } = appFor(service);
    try {
      const first = await postAnalyze(app, build('recover'));
      expect(first.status).not.toBe(200);
      fs.rmSync(filler());
      const res = await postAnalyze(app, build('recover'));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, cached: false });
    } finally {
      fs.rmSync(filler(), { force: true });
      cleanup();
    }
  });

  // Was a hole: the compiler's ENOSPC became the program's cached compile error.
  it("a compile that runs out of disk is not cached as the program's own error", async () => {
    const { app, cleanup } = appFor(service);
    try {
      // Room for the job dir and source, not for a 256 KiB object file.
      fill(64 * 1024);
      const first = await postAnalyze(app, build('partial', 1 << 15));
      fs.rmSync(filler());
      const again = await postAnalyze(app, build('partial', 1 << 15));
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ ok: true, cached: false });
      // The first answer may be a 503 or the compiler's ENOSPC, but never a cached verdict.
      expect([200, 503]).toContain(first.status);
    } finally {
      fs.rmSync(filler(), { force: true });
      cleanup();
    }
  });

  it('read-only: a clear 503, and the service recovers when it is writable again', async () => {
    execFileSync('mount', ['-o', 'remount,ro', jobsMount]);
    const { app, cleanup } = appFor(service);
    try {
      const { status, error } = await errorOf(await postAnalyze(app, build('ro')));
      expect(status).toBe(503);
      expect(error.code).toBe('unavailable');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', jobsMount]);
      cleanup();
    }
    expect((await postAnalyze(app, build('ro'))).status).toBe(200);
  });
});

describe('faults: clients and crashes', () => {
  it('a client that disconnects mid-run cancels the job and frees everything', async () => {
    const service = await startHostileService(UID, { runWallMs: 30_000 });
    const { app, cleanup } = appFor(service);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise<void>((r) => server.once('listening', r));
      const { port } = server.address() as AddressInfo;
      const client = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}${API_PREFIX}/analyze`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ files: [{ name: 'main.go', content: SLEEP }], mode: 'run' }),
        signal: client.signal,
      });
      // Wait until the program itself is running as the sandbox uid, then hang up.
      expect(await waitFor(() => processesOfUid(UID).some((p) => p.name === 'prog'), 10_000)).toBe(
        true,
      );
      const hungUp = Date.now();
      client.abort();
      await expect(request).rejects.toThrow();
      // Cancelled, not left to run into its 30 s wall limit.
      expect(
        await waitFor(
          () =>
            findLeftovers({ stateDir: STATE_DIR, uid: UID, idle: () => service.idleSandboxes() })
              .length === 0,
          3_000,
        ),
      ).toBe(true);
      expect(Date.now() - hungUp).toBeLessThan(3_000);
      expect(service.health().queue).toMatchObject({ running: 0, waiting: 0 });
      await expectServiceRecovered(service, UID);
    } finally {
      server.close();
      cleanup();
      await service.close();
    }
  });

  it('a service SIGKILLed mid-job: the sandbox dies with it, and a restart sweeps its job dir and cgroups', async () => {
    const child = spawn(
      process.execPath,
      [path.join(import.meta.dirname, '../support/service-child.ts'), String(UID)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const childPid = child.pid!;
    try {
      expect(await waitFor(() => processesOfUid(UID).some((p) => p.name === 'prog'), 30_000)).toBe(
        true,
      );
      // The job is mid-run: its dir and cgroups exist (and those of the compile sandboxes the
      // service set up for the next requests).
      const dirs = jobDirs(STATE_DIR, childPid);
      expect(dirs.length).toBeGreaterThanOrEqual(1);
      expect(jobCgroups(childPid).length).toBeGreaterThan(0);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // --die-with-parent: bwrap gets SIGKILL when its parent dies, and the pid namespace with it;
      // the idle sandboxes too.
      expect(await waitFor(() => processesOfUid(UID).length === 0, 3_000)).toBe(true);
      // Nothing cleaned up after the dead service yet...
      expect(jobDirs(STATE_DIR, childPid)).toEqual(dirs);
      // ...until the next one starts.
      const next = await startHostileService(UID);
      try {
        expect(jobDirs(STATE_DIR, childPid)).toEqual([]);
        expect(jobCgroups(childPid)).toEqual([]);
        await expectServiceRecovered(next, UID);
      } finally {
        await next.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(await settledLeftovers({ stateDir: STATE_DIR, uid: UID, ownerPid: childPid })).toEqual(
      [],
    );
  });
});
