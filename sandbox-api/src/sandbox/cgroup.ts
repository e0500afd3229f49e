import fs from 'node:fs';
import path from 'node:path';
import { CgroupV1Manager } from './cgroup-v1.ts';
import { CgroupV2Manager } from './cgroup-v2.ts';

/** Limits of one job's cgroup. */
export interface CgroupLimits {
  memoryBytes: number;
  pids: number;
  /** CPU quota in cores (1 = one full core). */
  cpus: number;
}

/** What the kernel says about a finished job. */
export interface CgroupVerdict {
  cpuMs: number;
  oomKilled: boolean;
  memoryLimitHit: boolean;
  pidsLimitHit: boolean;
}

/** One job's cgroup(s), created as root; the same for v1 and v2. */
export interface JobCgroup {
  /** The `cgroup.procs` files a launcher writes its pid into before exec. */
  procsFiles(): string[];
  verdict(): CgroupVerdict;
  /** SIGKILLs every task until the group is empty (dying tasks linger briefly), then removes it. */
  destroy(): Promise<void>;
  /** SIGKILLs every task now, without waiting. */
  killAll(): void;
}

/** Per-service job groups on one hierarchy. */
export interface CgroupManager {
  readonly version: 'v1' | 'v2';
  create(limits: CgroupLimits): JobCgroup;
  /** Names of job groups currently present under this service's parent (for tests). */
  jobsPresent(): string[];
  /** Removes the parent group(s) (when the service closes). */
  removeParent(): void;
}

/** Where cgroupfs is mounted; GML_CGROUP_ROOT moves it (tests point it at an empty dir). */
export function cgroupRoot(): string {
  return process.env['GML_CGROUP_ROOT'] ?? '/sys/fs/cgroup';
}

/**
 * The hierarchy this host gives us, decided once at start: v1 when its memory, pids, cpu and
 * cpuacct controllers are mounted and writable (as on the development VM), else a delegated v2
 * subtree (the service's own cgroup, as systemd's `Delegate=yes` hands it over) with memory,
 * pids and cpu available, else none.
 */
export function detectCgroups(
  root = cgroupRoot(),
  selfCgroup = readSelfCgroup(),
): CgroupManager | undefined {
  if (CgroupV1Manager.available(root)) return new CgroupV1Manager(root);
  const base = v2Base(root, selfCgroup);
  if (base !== undefined && CgroupV2Manager.available(base)) return new CgroupV2Manager(base);
  return undefined;
}

/** Removes groups left by services that died, on whichever hierarchy is in use. */
export async function sweepCgroups(
  root = cgroupRoot(),
  selfCgroup = readSelfCgroup(),
): Promise<number> {
  if (CgroupV1Manager.available(root)) return CgroupV1Manager.sweep(root);
  const base = v2Base(root, selfCgroup);
  if (base !== undefined && CgroupV2Manager.available(base)) return CgroupV2Manager.sweep(base);
  return 0;
}

/** The unified hierarchy's dir of our own cgroup (`0::/path` in /proc/self/cgroup). */
function v2Base(root: string, selfCgroup: string): string | undefined {
  if (!fs.existsSync(path.join(root, 'cgroup.controllers'))) return undefined;
  const own = /^0::(\/.*)$/m.exec(selfCgroup)?.[1];
  if (own === undefined) return undefined;
  // After a restart in the same unit we may sit in our own `supervisor` leaf already.
  const dir = path.join(root, own.replace(/\/supervisor$/, ''));
  return dir;
}

function readSelfCgroup(): string {
  try {
    return fs.readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return '';
  }
}
