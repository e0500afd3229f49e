import fs from 'node:fs';
import path from 'node:path';
import { isAlive, readdirOr, readOr, writeQuiet } from './cgroup-fs.ts';
import type { CgroupLimits, CgroupManager, CgroupVerdict, JobCgroup } from './cgroup.ts';

/** Several services may live in one process (tests), so each gets its own parent group. */
let managers = 0;
const CONTROLLERS = ['memory', 'pids', 'cpu'] as const;
const ENABLE = CONTROLLERS.map((c) => `+${c}`).join(' ');
const PERIOD_US = 100_000;

/** Removes an empty group. cgroupfs allows rmdir despite the control files; tests swap it. */
export type RemoveDir = (dir: string) => void;
const rmdir: RemoveDir = (dir) => fs.rmdirSync(dir);

/** One job's group on the unified hierarchy: `<base>/gml-<pid>-<n>/job-<n>`. */
class JobCgroupV2 implements JobCgroup {
  readonly dir: string;
  private readonly removeDir: RemoveDir;

  constructor(dir: string, removeDir: RemoveDir) {
    this.dir = dir;
    this.removeDir = removeDir;
  }

  procsFiles(): string[] {
    return [path.join(this.dir, 'cgroup.procs')];
  }

  verdict(): CgroupVerdict {
    const memEvents = readOr(path.join(this.dir, 'memory.events'), '');
    const pidsEvents = readOr(path.join(this.dir, 'pids.events'), '');
    const cpuStat = readOr(path.join(this.dir, 'cpu.stat'), '');
    return {
      cpuMs: field(cpuStat, 'usage_usec') / 1000,
      oomKilled: field(memEvents, 'oom_kill') > 0,
      // `max`: times usage hit memory.max (v1's failcnt); `oom`: times reclaim then failed.
      memoryLimitHit: field(memEvents, 'max') > 0 || field(memEvents, 'oom') > 0,
      pidsLimitHit: field(pidsEvents, 'max') > 0,
    };
  }

  async destroy(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (this.pids().length === 0 && this.tryRemove()) return;
      this.killAll();
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`cgroup ${this.dir} still busy after kill`);
  }

  /**
   * `cgroup.kill` (Linux 5.14+) kills the whole group atomically, forks in flight included; the
   * per-pid SIGKILL covers older kernels.
   */
  killAll(): void {
    writeQuiet(path.join(this.dir, 'cgroup.kill'), '1');
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private pids(): number[] {
    return readOr(path.join(this.dir, 'cgroup.procs'), '')
      .split('\n')
      .filter((s) => s.trim() !== '')
      .map(Number);
  }

  private tryRemove(): boolean {
    try {
      this.removeDir(this.dir);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT';
    }
  }
}

/**
 * Per-job groups in a delegated cgroup v2 subtree `base` (the service's own cgroup, handed over
 * by systemd's `Delegate=yes`). v2 forbids processes in a group whose controllers are enabled
 * for children ("no internal processes"), so the service first moves itself into
 * `<base>/supervisor`; jobs live under `<base>/gml-<pid>-<n>/job-<n>`.
 */
export class CgroupV2Manager implements CgroupManager {
  readonly version = 'v2';
  readonly parent: string;
  private readonly removeDir: RemoveDir;
  private seq = 0;

  constructor(base: string, opts: { name?: string; removeDir?: RemoveDir } = {}) {
    this.removeDir = opts.removeDir ?? rmdir;
    this.parent = path.join(base, opts.name ?? `gml-${process.pid}-${++managers}`);
    // The root of a hierarchy has no cgroup.type and may hold processes itself.
    const procs = readOr(path.join(base, 'cgroup.procs'), '').split('\n').filter(Boolean);
    if (procs.length > 0 && fs.existsSync(path.join(base, 'cgroup.type'))) {
      const leaf = path.join(base, 'supervisor');
      fs.mkdirSync(leaf, { recursive: true });
      // One pid a write: the kernel takes a single pid per write(2).
      for (const pid of procs) fs.writeFileSync(path.join(leaf, 'cgroup.procs'), pid);
    }
    fs.writeFileSync(path.join(base, 'cgroup.subtree_control'), ENABLE);
    fs.mkdirSync(this.parent, { recursive: true });
    fs.writeFileSync(path.join(this.parent, 'cgroup.subtree_control'), ENABLE);
  }

  /** True when `base` offers memory, pids and cpu and we may enable them for its children. */
  static available(base: string): boolean {
    const offered = readOr(path.join(base, 'cgroup.controllers'), '').split(/\s+/);
    if (!CONTROLLERS.every((c) => offered.includes(c))) return false;
    try {
      fs.accessSync(path.join(base, 'cgroup.subtree_control'), fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes `gml-*` groups left by services that died (their jobs are killed first). */
  static async sweep(base: string, removeDir: RemoveDir = rmdir): Promise<number> {
    let removed = 0;
    for (const name of readdirOr(base)) {
      const owner = /^gml-(\d+)-\d+$/.exec(name);
      if (!owner || isAlive(Number(owner[1]))) continue;
      const parent = path.join(base, name);
      for (const j of readdirOr(parent).filter((n) => n.startsWith('job-'))) {
        await new JobCgroupV2(path.join(parent, j), removeDir).destroy();
        removed++;
      }
      try {
        removeDir(parent);
      } catch {
        // busy or gone
      }
    }
    return removed;
  }

  create(limits: CgroupLimits): JobCgroup {
    const dir = path.join(this.parent, `job-${++this.seq}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'memory.max'), String(limits.memoryBytes));
    // No spilling into swap; the file is absent when the kernel has no swap accounting.
    writeQuiet(path.join(dir, 'memory.swap.max'), '0');
    // An OOM kill takes the whole job, not one thread of it (the v1 behaviour a job relies on).
    fs.writeFileSync(path.join(dir, 'memory.oom.group'), '1');
    fs.writeFileSync(path.join(dir, 'pids.max'), String(limits.pids));
    fs.writeFileSync(
      path.join(dir, 'cpu.max'),
      `${Math.round(limits.cpus * PERIOD_US)} ${PERIOD_US}`,
    );
    return new JobCgroupV2(dir, this.removeDir);
  }

  jobsPresent(): string[] {
    return readdirOr(this.parent).filter((j) => j.startsWith('job-'));
  }

  removeParent(): void {
    try {
      this.removeDir(this.parent);
    } catch {
      // busy or gone
    }
  }
}

/** `key N` from a flat-keyed cgroup file (memory.events, cpu.stat); 0 when absent. */
function field(text: string, key: string): number {
  return Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}
