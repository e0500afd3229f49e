import fs from 'node:fs';
import path from 'node:path';
import type { IdleSandboxes } from '../../src/pipeline/compile-pool.ts';
import { readOr, readdirOr } from '../../src/sandbox/cgroup-fs.ts';

const CGROUP_ROOT = '/sys/fs/cgroup';
const CONTROLLERS = ['memory', 'pids', 'cpu', 'cpuacct'];

/** What a finished job may not leave on the host. */
export interface LeftoverScope {
  /** The service's state dir; job dirs of this process under `<stateDir>/jobs` count. */
  stateDir: string;
  /** Host uid the sandbox runs as: any live process with this uid counts. */
  uid: number;
  /** Whose job dirs and cgroups to look at (default: this process). */
  ownerPid?: number;
  /**
   * The live service's compile sandboxes set up ahead and not yet used (`Service.idleSandboxes`):
   * exactly those dirs, cgroups and the tasks inside those cgroups are not leftovers. Anything
   * else of the uid still is, and so are they once the service has closed.
   */
  idle?: () => IdleSandboxes;
}

/**
 * Live processes whose real, effective or saved uid is `uid` (read from /proc). Zombies are left
 * out: they have exited and freed everything but their pid, and reaping a bwrap whose parent
 * already exited is the host init's job (this VM's init does it within about 2 s).
 */
export function processesOfUid(uid: number): { pid: number; name: string }[] {
  const out: { pid: number; name: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let status: string;
    try {
      status = fs.readFileSync(path.join('/proc', entry, 'status'), 'utf8');
    } catch {
      continue; // exited while we looked
    }
    const uids = /^Uid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/).map(Number) ?? [];
    const zombie = /^State:\s+Z/m.test(status);
    if (uids.includes(uid) && !zombie) {
      out.push({ pid: Number(entry), name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?' });
    }
  }
  return out;
}

/** `gml-<pid>-*` job cgroups (in every controller the service uses) still present. */
export function jobCgroups(ownerPid: number): string[] {
  const out: string[] = [];
  for (const c of CONTROLLERS) {
    const root = path.join(CGROUP_ROOT, c);
    for (const parent of readdirOr(root).filter((n) => n.startsWith(`gml-${ownerPid}-`))) {
      for (const job of readdirOr(path.join(root, parent)).filter((n) => n.startsWith('job-')))
        out.push(`${c}/${parent}/${job}`);
    }
  }
  return out;
}

/** Job directories of `ownerPid` under the state dir, and on its bench tmpfs. */
export function jobDirs(stateDir: string, ownerPid: number): string[] {
  const mine = (n: string): boolean => n.startsWith(`job-${ownerPid}-`);
  return [
    ...readdirOr(path.join(stateDir, 'jobs')).filter(mine),
    ...readdirOr(path.join(stateDir, 'bench', 'jobs'))
      .filter(mine)
      .map((n) => `bench/${n}`),
  ];
}

/** Everything a job left behind, as readable strings (empty when clean). */
export function findLeftovers(scope: LeftoverScope): string[] {
  const owner = scope.ownerPid ?? process.pid;
  const idle = scope.idle?.() ?? { dirs: [], cgroups: [] };
  const idleGroups = new Set(idle.cgroups.map((d) => path.relative(CGROUP_ROOT, d)));
  const idlePids = new Set(
    idle.cgroups.flatMap((d) =>
      readOr(path.join(d, 'cgroup.procs'), '').split('\n').filter(Boolean).map(Number),
    ),
  );
  return [
    ...processesOfUid(scope.uid)
      .filter((p) => !idlePids.has(p.pid))
      .map((p) => `process ${p.pid} (${p.name}) of uid ${scope.uid}`),
    ...jobDirs(scope.stateDir, owner)
      .filter((d) => !idle.dirs.includes(d))
      .map((d) => `job dir ${d}`),
    ...jobCgroups(owner)
      .filter((g) => !idleGroups.has(g))
      .map((g) => `cgroup ${g}`),
  ];
}

/**
 * Polls `findLeftovers` for up to `withinMs`: a SIGKILLed task can take a few milliseconds to
 * leave the process table after its job returned, and that is not a leak.
 */
export async function settledLeftovers(scope: LeftoverScope, withinMs = 1_000): Promise<string[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const found = findLeftovers(scope);
    if (found.length === 0 || Date.now() >= deadline) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}
