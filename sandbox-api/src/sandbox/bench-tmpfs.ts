import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Bench jobs get a writable `/job` with a hard-linked copy of the master build cache in it.
 * On the host disk that was a way to fill the disk (up to RLIMIT_FSIZE per file for the whole
 * wall clock) and a bind whose host path `/proc/self/mountinfo` showed. Instead, one tmpfs,
 * capped at `bytes`, is mounted at `<stateDir>/bench`; each toolchain's master cache is copied
 * into it once (hard links cannot cross filesystems) and each bench job dir is made there.
 * The job's own pages are charged to its memory cgroup, so one job is bounded by its memory
 * limit and all of them together by the cap.
 *
 * Returns the master cache copy inside the tmpfs, or undefined when it cannot be mounted (not
 * root): the bench step then uses the job dir on the state dir's disk as before.
 */
export async function benchTmpfsCache(
  stateDir: string,
  toolchain: MasterCache,
  bytes: number,
): Promise<string | undefined> {
  const root = benchTmpfsRoot(stateDir);
  if (!(await mounted(root, bytes))) return undefined;
  const key = `${root}\0${masterName(toolchain)}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = copyMaster(root, toolchain);
    copies.set(key, copy);
    copy.catch(() => copies.delete(key));
  }
  return copy;
}

/** Where the bench tmpfs is mounted; its `jobs/` holds the bench job dirs (workspace.ts). */
export function benchTmpfsRoot(stateDir: string): string {
  return path.join(stateDir, 'bench');
}

const mounts = new Map<string, Promise<boolean>>();
const copies = new Map<string, Promise<string>>();

function mounted(root: string, bytes: number): Promise<boolean> {
  let p = mounts.get(root);
  if (!p) {
    p = mount(root, bytes);
    mounts.set(root, p);
  }
  return p;
}

async function mount(root: string, bytes: number): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  // Another process of this host (a second service on the same state dir) may have mounted it.
  if (isTmpfsMount(root)) return true;
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  try {
    await exec('mount', [
      '-t',
      'tmpfs',
      '-o',
      `size=${bytes},mode=0755,nosuid,nodev`,
      'gml-bench',
      root,
    ]);
  } catch {
    return false;
  }
  return isTmpfsMount(root);
}

/** A warm toolchain's build cache, as the bench step needs it. */
type MasterCache = { version: string; gocache: string; goexperiment?: string | undefined };

/**
 * One master per build of the standard library: a GOEXPERIMENT build has its own cache (warm.ts
 * `warmDir`), and a bench job handed the default one would rebuild the whole standard library
 * inside its wall clock.
 */
function masterName(t: MasterCache): string {
  return t.goexperiment ? `${t.version}+${t.goexperiment}` : t.version;
}

async function copyMaster(root: string, toolchain: MasterCache): Promise<string> {
  const dest = path.join(root, 'masters', masterName(toolchain));
  if (fs.existsSync(dest)) return dest;
  fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o755 });
  const tmp = `${dest}.${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  // -a keeps the master's root ownership and read-only modes, which the jobs rely on.
  await exec('cp', ['-a', toolchain.gocache, tmp]);
  try {
    fs.renameSync(tmp, dest);
  } catch (e) {
    // Another process copied it first.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dest)) throw e;
  }
  return dest;
}

/** True when `/proc/self/mountinfo` lists a tmpfs mounted exactly at `dir`. */
function isTmpfsMount(dir: string): boolean {
  let info: string;
  try {
    info = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return false;
  }
  return info.split('\n').some((line) => {
    const [before, after] = line.split(' - ');
    return before?.split(' ')[4] === dir && after?.split(' ')[0] === 'tmpfs';
  });
}
