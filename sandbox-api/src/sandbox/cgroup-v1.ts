import fs from 'node:fs';
import path from 'node:path';
import { isAlive, readdirOr, readOr, rmdirQuiet, writeQuiet } from './cgroup-fs.ts';
import type { CgroupLimits, CgroupManager, CgroupVerdict, JobCgroup } from './cgroup.ts';

/** Several services may live in one process (tests), so each gets its own parent group. */
let managers = 0;
const CONTROLLERS = ['memory', 'pids', 'cpu', 'cpuacct'] as const;
type Controller = (typeof CONTROLLERS)[number];

/** One job's v1 cgroups (memory, pids, cpu, cpuacct), created as root. */
class JobCgroupV1 implements JobCgroup {
  readonly dirs: Record<Controller, string>;

  constructor(dirs: Record<Controller, string>) {
    this.dirs = dirs;
  }

  /** The `cgroup.procs` files a launcher writes its pid into before exec. */
  procsFiles(): string[] {
    return CONTROLLERS.map((c) => path.join(this.dirs[c], 'cgroup.procs'));
  }

  verdict(): CgroupVerdict {
    const oomControl = readOr(path.join(this.dirs.memory, 'memory.oom_control'), '');
    const oomKills = Number(/oom_kill (\d+)/.exec(oomControl)?.[1] ?? 0);
    const failcnt = Number(readOr(path.join(this.dirs.memory, 'memory.failcnt'), '0'));
    const pidsEvents = readOr(path.join(this.dirs.pids, 'pids.events'), '');
    const usageNs = Number(readOr(path.join(this.dirs.cpuacct, 'cpuacct.usage'), '0'));
    return {
      cpuMs: usageNs / 1e6,
      oomKilled: oomKills > 0,
      memoryLimitHit: failcnt > 0,
      pidsLimitHit: Number(/max (\d+)/.exec(pidsEvents)?.[1] ?? 0) > 0,
    };
  }

  /** SIGKILLs every task until the group is empty (dying tasks linger briefly), then removes it. */
  async destroy(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const pids = this.pids();
      if (pids.length === 0 && this.tryRemove()) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`cgroup ${this.dirs.memory} still busy after kill`);
  }

  /** SIGKILLs every task now, without waiting. */
  killAll(): void {
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private pids(): number[] {
    const out = new Set<number>();
    for (const c of CONTROLLERS) {
      for (const s of readOr(path.join(this.dirs[c], 'cgroup.procs'), '').split('\n')) {
        if (s.trim() !== '') out.add(Number(s));
      }
    }
    return [...out];
  }

  private tryRemove(): boolean {
    let ok = true;
    for (const c of CONTROLLERS) {
      try {
        fs.rmdirSync(this.dirs[c]);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') ok = false;
      }
    }
    return ok;
  }
}

/**
 * Creates per-job cgroups under a per-service parent `gml-<pid>-<n>` in each v1 controller
 * (`<root>/memory`, `<root>/pids`, `<root>/cpu`, `<root>/cpuacct`).
 */
export class CgroupV1Manager implements CgroupManager {
  readonly version = 'v1';
  readonly parent: string;
  private readonly root: string;
  private seq = 0;

  constructor(root: string, parent = `gml-${process.pid}-${++managers}`) {
    this.root = root;
    this.parent = parent;
  }

  /** True when every controller is mounted under `root` and we may create groups in it. */
  static available(root: string): boolean {
    try {
      for (const c of CONTROLLERS)
        fs.accessSync(path.join(root, c, 'cgroup.procs'), fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes `gml-*` groups left by services that died (their jobs are killed first). */
  static async sweep(root: string): Promise<number> {
    let removed = 0;
    const parents = new Set<string>();
    for (const c of CONTROLLERS) {
      for (const name of readdirOr(path.join(root, c))) {
        const owner = /^gml-(\d+)-\d+$/.exec(name);
        if (owner && !isAlive(Number(owner[1]))) parents.add(name);
      }
    }
    for (const parent of parents) {
      const jobs = new Set<string>();
      for (const c of CONTROLLERS) {
        for (const j of readdirOr(path.join(root, c, parent)))
          if (j.startsWith('job-')) jobs.add(j);
      }
      for (const j of jobs) {
        await new JobCgroupV1(dirsFor(root, parent, j)).destroy();
        removed++;
      }
      for (const c of CONTROLLERS) rmdirQuiet(path.join(root, c, parent));
    }
    return removed;
  }

  create(limits: CgroupLimits): JobCgroup {
    const name = `job-${++this.seq}`;
    const dirs = dirsFor(this.root, this.parent, name);
    for (const c of CONTROLLERS) fs.mkdirSync(dirs[c], { recursive: true });
    const mem = String(limits.memoryBytes);
    fs.writeFileSync(path.join(dirs.memory, 'memory.limit_in_bytes'), mem);
    // memsw caps memory+swap so a job cannot spill into swap; absent when swap accounting is off.
    writeQuiet(path.join(dirs.memory, 'memory.memsw.limit_in_bytes'), mem);
    fs.writeFileSync(path.join(dirs.pids, 'pids.max'), String(limits.pids));
    fs.writeFileSync(path.join(dirs.cpu, 'cpu.cfs_period_us'), '100000');
    fs.writeFileSync(
      path.join(dirs.cpu, 'cpu.cfs_quota_us'),
      String(Math.round(limits.cpus * 100000)),
    );
    return new JobCgroupV1(dirs);
  }

  /** Names of job groups currently present under this service's parent (for tests). */
  jobsPresent(): string[] {
    const out = new Set<string>();
    for (const c of CONTROLLERS)
      for (const j of readdirOr(path.join(this.root, c, this.parent)))
        if (j.startsWith('job-')) out.add(j);
    return [...out];
  }

  /** Removes the parent groups (when the service closes). */
  removeParent(): void {
    for (const c of CONTROLLERS) rmdirQuiet(path.join(this.root, c, this.parent));
  }
}

function dirsFor(root: string, parent: string, name: string): Record<Controller, string> {
  return {
    memory: path.join(root, 'memory', parent, name),
    pids: path.join(root, 'pids', parent, name),
    cpu: path.join(root, 'cpu', parent, name),
    cpuacct: path.join(root, 'cpuacct', parent, name),
  };
}
