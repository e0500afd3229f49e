/**
 * Compile sandboxes set up before their requests (`pipeline/compile-pool.ts`): idle ones hold
 * nothing but bubblewrap waiting in an empty dir, each serves one job and is never reused, a job
 * that ends before compiling gives its sandbox back to nobody, a client that leaves kills the
 * compiler, and closing the service leaves nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service.ts';
import { AnalyzeRequestSchema } from '../../src/protocol.ts';
import { runMain, startHostileService } from '../support/hostile-service.ts';
import { processesOfUid, settledLeftovers } from '../support/leftovers.ts';
import { waitFor } from '../support/wait-for.ts';
import { STATE_DIR } from './harness.ts';

const UID = 10089;
const READY = 2;
const HANG = `package main

type I[T any] interface{ M() interface{ I[*T] } }

func main() {
	var _ I[int]
}
`;

describe('compile pool', () => {
  let service: Service;
  const scope = { stateDir: STATE_DIR, uid: UID };
  const idle = () => service.idleSandboxes();
  /** Idle sandboxes are topped up right after a job takes one. */
  const full = (): Promise<boolean> => waitFor(() => idle().dirs.length === READY, 10_000);
  beforeAll(async () => {
    service = await startHostileService(UID, { readySandboxes: READY });
  });
  afterAll(async () => {
    await service.close();
  });

  it('keeps its sandboxes set up and waiting: bwrap only, in empty dirs, each in its cgroup', async () => {
    const r = await runMain(service, 'package main\n\nfunc main() { println("first") }\n');
    expect(r.run?.exitCode).toBe(0);
    expect(await full()).toBe(true);
    const { dirs, cgroups } = idle();
    for (const d of dirs) expect(fs.readdirSync(path.join(STATE_DIR, 'jobs', d))).toEqual([]);
    // Four v1 controllers per sandbox here.
    expect(cgroups.length).toBe(READY * 4);
    const waiting = processesOfUid(UID);
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(waiting.map((p) => p.name))).toEqual(new Set(['bwrap']));
    expect(await settledLeftovers({ ...scope, idle })).toEqual([]);
  });

  it('gives each sandbox to one job only, and never the same dir twice', async () => {
    expect(await full()).toBe(true);
    const seen = new Set(idle().dirs);
    for (let i = 0; i < 3; i++) {
      const r = await runMain(service, `package main\n\nfunc main() { println(${i}) }\n`);
      expect(r.run?.stderr.text).toContain(`${i}\n`);
      expect(await full()).toBe(true);
      const now = idle().dirs;
      // The oldest was used and removed; one new dir took its place.
      expect(now.filter((d) => !seen.has(d))).toHaveLength(1);
      for (const d of now) seen.add(d);
    }
    expect(await settledLeftovers({ ...scope, idle })).toEqual([]);
  });

  it('cancels the sandbox a job took when the job ends before compiling', async () => {
    expect(await full()).toBe(true);
    const r = await runMain(service, 'package notmain\n\nfunc main() {}\n');
    expect(r.ok).toBe(false);
    expect(await settledLeftovers({ ...scope, idle })).toEqual([]);
  });

  it('kills a pooled compile when its only client goes away', async () => {
    expect(await full()).toBe(true);
    const client = new AbortController();
    const req = AnalyzeRequestSchema.parse({ files: [{ name: 'main.go', content: HANG }] });
    const answer = service.analyze(req, { signal: client.signal });
    answer.catch(() => undefined);
    expect(await waitFor(() => processesOfUid(UID).some((p) => p.name === 'compile'), 10_000)).toBe(
      true,
    );
    const leftAt = Date.now();
    client.abort();
    await expect(answer).rejects.toMatchObject({ status: 499 });
    // Well before its 4 s compile limit.
    expect(await settledLeftovers({ ...scope, idle })).toEqual([]);
    expect(Date.now() - leftAt).toBeLessThan(2_000);
  });

  it('passes over an idle sandbox killed from outside: the next jobs still compile and run', async () => {
    expect(await full()).toBe(true);
    const killed = idle();
    // Every task of every idle sandbox, as an operator's stray kill or the OOM killer would.
    const pids = killed.cgroups.flatMap((d) =>
      fs.readFileSync(path.join(d, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number),
    );
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    // Gone from /proc, not only dead: reaped, so the service has seen each launcher exit.
    const reaped = (): boolean => pids.every((pid) => !fs.existsSync(`/proc/${pid}`));
    expect(await waitFor(reaped, 5_000)).toBe(true);
    // As many jobs as there were dead sandboxes, one after another: each would have taken one.
    for (let i = 0; i < READY; i++) {
      const r = await runMain(service, `package main\n\nfunc main() { println("after ${i}") }\n`);
      expect(r.run?.stderr.text).toContain(`after ${i}\n`);
    }
    expect(await full()).toBe(true);
    expect(idle().dirs.some((d) => killed.dirs.includes(d))).toBe(false);
    expect(await settledLeftovers({ ...scope, idle })).toEqual([]);
  });

  it('leaves nothing behind once the service closes', async () => {
    expect(await full()).toBe(true);
    await service.close();
    expect(await settledLeftovers(scope)).toEqual([]);
  });
});
