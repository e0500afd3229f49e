/**
 * The standard library a second time, compiled with `-dwarf=false`, for the linker alone.
 *
 * Run mode links with `-s -w`, so the DWARF in the master cache's objects is loaded and thrown
 * away on every job: without it the linker reads fewer symbols (`link -benchmark=cpu`:
 * Loadlib 102 → 94 ms unconstrained) and a run-mode miss's link fell 207–222 → 183–196 ms for
 * the bench's sample under the 1-core quota (docs/API.md). The code is the same code; the
 * binary's layout is not byte-identical (symbol load order differs), as `-s -w` already made it
 * differ from `go build`'s. The compiler keeps the master importcfg.
 *
 * Built once per toolchain and state dir, in the background at the lowest CPU priority after
 * the master warm-up (52 s on a fresh state dir here), so the first start is not delayed;
 * until it is stamped, jobs link against the master cache as before. GOEXPERIMENT builds are
 * rare and keep their own master cache for both steps.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readOr } from '../sandbox/cgroup-fs.ts';
import { exposeCache } from './expose-cache.ts';
import { goEnv } from './job-env.ts';
import { stdImportcfgArgs } from './std-importcfg-args.ts';
import type { WarmToolchain } from './warm.ts';

/** An importcfg and the build cache its objects are in. */
export interface LinkInputs {
  importcfg: string;
  gocache: string;
}

const STAMP = 'link-ready.json';
const LOCK = '.lock-link';
const CACHE = 'cache-link';
const IMPORTCFG = 'importcfg.link';

/** The link inputs without DWARF for this warm toolchain's dir, when they are built. */
export function linkStdOf(warmDir: string): LinkInputs | undefined {
  const importcfg = path.join(warmDir, IMPORTCFG);
  const gocache = path.join(warmDir, CACHE);
  return fs.existsSync(path.join(warmDir, STAMP)) && fs.existsSync(importcfg)
    ? { importcfg, gocache }
    : undefined;
}

/**
 * Builds the link std for `w` unless it is built already or another live process is building
 * it; resolves to the inputs once they are stamped, else undefined. `signal` (the service is
 * closing) stops the build, which then leaves no lock behind.
 */
export async function buildLinkStd(
  w: WarmToolchain,
  warmDir: string,
  log: (line: string) => void,
  signal: AbortSignal,
): Promise<LinkInputs | undefined> {
  const ready = linkStdOf(warmDir);
  if (ready || w.goexperiment !== undefined) return ready;
  const lock = path.join(warmDir, LOCK);
  if (!takeLock(lock)) return undefined;
  try {
    const gocache = path.join(warmDir, CACHE);
    const started = Date.now();
    const list = await goListExport(w.goroot, gocache, signal);
    if (list === undefined) return undefined;
    const importcfg = path.join(warmDir, IMPORTCFG);
    fs.writeFileSync(`${importcfg}.tmp`, list, { mode: 0o644 });
    fs.renameSync(`${importcfg}.tmp`, importcfg);
    // The sandbox uid reads these objects, as it reads the master cache's.
    await exposeCache(gocache);
    fs.writeFileSync(path.join(warmDir, STAMP), JSON.stringify({ version: w.version }));
    log(
      `built ${w.version}'s standard library without DWARF for the linker in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return linkStdOf(warmDir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The lock is a dir naming its owner's pid. One whose owner is gone (a service SIGKILLed
 * mid-build, or older than 15 minutes) is taken over, so a crash does not hold back the next
 * service; one a live process holds is left to it.
 */
function takeLock(lock: string): boolean {
  const take = (): boolean => {
    try {
      fs.mkdirSync(lock);
    } catch {
      return false;
    }
    fs.writeFileSync(path.join(lock, 'owner'), String(process.pid));
    return true;
  };
  if (take()) return true;
  const st = fs.statSync(lock, { throwIfNoEntry: false });
  const owner = Number(readOr(path.join(lock, 'owner'), 'NaN'));
  if (st !== undefined && Date.now() - st.mtimeMs < 15 * 60_000 && isAlive(owner)) return false;
  fs.rmSync(lock, { recursive: true, force: true });
  // Two services may both find it stale: the mkdir decides.
  return take();
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `go list -export` of std with `-dwarf=false`, at nice 19; undefined when aborted. */
function goListExport(
  goroot: string,
  gocache: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const args = [
    '-n',
    '19',
    path.join(goroot, 'bin', 'go'),
    ...stdImportcfgArgs(['-gcflags=all=-dwarf=false']),
  ];
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(undefined);
    // Its own process group, so closing the service stops the go command's compilers too.
    const child = spawn('nice', args, {
      env: goEnv(goroot, gocache),
      cwd: path.dirname(gocache),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const stop = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    signal.addEventListener('abort', stop, { once: true });
    child.on('error', reject);
    child.on('close', (code) => {
      signal.removeEventListener('abort', stop);
      if (signal.aborted) resolve(undefined);
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`go list exited ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`),
        );
    });
  });
}
