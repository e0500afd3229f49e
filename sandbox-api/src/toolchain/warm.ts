import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Toolchain } from './discover.ts';
import { goEnv } from './job-env.ts';
import { exposeCache } from './expose-cache.ts';
import { linkStdOf, type LinkInputs } from './link-std.ts';
import { stdImportcfgArgs } from './std-importcfg-args.ts';

const run = promisify(execFile);

/** A toolchain whose standard library is compiled into a master build cache. */
export interface WarmToolchain extends Toolchain {
  /** GOROOT as seen by jobs (a copy under the state dir when the host one is not readable). */
  goroot: string;
  /** Root-owned master GOCACHE; jobs only read it. */
  gocache: string;
  /** `packagefile path=export` for every std package, in the master cache. */
  importcfg: string;
  /**
   * What the linker reads: the std without DWARF once it is built (`link-std.ts`), until then
   * the master's importcfg and cache.
   */
  link: LinkInputs;
  stdPackages: ReadonlySet<string>;
  /** The GOEXPERIMENT this standard library was built with; compile and link must use it too. */
  goexperiment?: string | undefined;
}

/**
 * `<stateDir>/toolchains/<version>` for the default build, `<version>+<experiment>` for a
 * GOEXPERIMENT build: the runtime differs, so the export data and cache must not be shared.
 */
export function warmDir(stateDir: string, version: string, goexperiment?: string): string {
  return path.join(stateDir, 'toolchains', goexperiment ? `${version}+${goexperiment}` : version);
}

interface Stamp {
  version: string;
  goroot: string;
}

/**
 * Builds the standard library once per toolchain into `<stateDir>/toolchains/<version>` and
 * writes an importcfg for it. Later processes reuse the result (a stamp file marks it
 * complete; a lock dir keeps two processes from building it at once).
 */
export async function warmToolchain(
  tc: Toolchain,
  stateDir: string,
  log: (line: string) => void,
  goexperiment?: string,
): Promise<WarmToolchain> {
  const dir = warmDir(stateDir, tc.version, goexperiment);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stampFile = path.join(dir, 'ready.json');
  const lockDir = path.join(dir, '.lock');
  for (;;) {
    const done = loadStamp(stampFile);
    if (done) return finish(tc, dir, done, goexperiment);
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      const age = Date.now() - statMtime(lockDir);
      if (age > 15 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const goroot = exposeGoroot(tc, dir);
    const gocache = path.join(dir, 'cache');
    const label = goexperiment ? `${tc.version} GOEXPERIMENT=${goexperiment}` : tc.version;
    log(`warming ${label}: compiling the standard library once (about 30 s)…`);
    const started = Date.now();
    const { stdout } = await run(path.join(goroot, 'bin', 'go'), stdImportcfgArgs(), {
      env: goEnv(goroot, gocache, goexperiment),
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    fs.writeFileSync(path.join(dir, 'importcfg'), stdout, { mode: 0o644 });
    // The sandbox uid reads export data straight from the master cache.
    await exposeCache(gocache);
    const stamp: Stamp = { version: tc.version, goroot };
    fs.writeFileSync(`${stampFile}.tmp`, JSON.stringify(stamp));
    fs.renameSync(`${stampFile}.tmp`, stampFile);
    log(`warmed ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return finish(tc, dir, stamp, goexperiment);
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** True when an earlier process already warmed this toolchain in the state dir. */
export function isWarmOnDisk(version: string, stateDir: string, goexperiment?: string): boolean {
  return loadStamp(path.join(warmDir(stateDir, version, goexperiment), 'ready.json')) !== undefined;
}

function finish(
  tc: Toolchain,
  dir: string,
  stamp: Stamp,
  goexperiment: string | undefined,
): WarmToolchain {
  const importcfg = path.join(dir, 'importcfg');
  const stdPackages = new Set<string>();
  for (const line of fs.readFileSync(importcfg, 'utf8').split('\n')) {
    const m = /^packagefile ([^=]+)=/.exec(line);
    if (m) stdPackages.add(m[1]!);
  }
  const gocache = path.join(dir, 'cache');
  return {
    ...tc,
    goroot: stamp.goroot,
    gocache,
    importcfg,
    link: (goexperiment === undefined ? linkStdOf(dir) : undefined) ?? { importcfg, gocache },
    stdPackages,
    goexperiment,
  };
}

/**
 * Module-cache toolchains live under the root's home (mode 0700), which the sandbox uid cannot
 * traverse; such a GOROOT is hard-linked (or copied) next to the cache.
 */
function exposeGoroot(tc: Toolchain, dir: string): string {
  if (traversableByOthers(tc.hostGoroot)) return tc.hostGoroot;
  const copy = path.join(dir, 'goroot');
  fs.rmSync(copy, { recursive: true, force: true });
  try {
    fs.cpSync(tc.hostGoroot, copy, { recursive: true, preserveTimestamps: true });
  } catch (e) {
    throw new Error(`cannot copy ${tc.version} GOROOT: ${(e as Error).message}`, { cause: e });
  }
  fs.chmodSync(copy, 0o755);
  return copy;
}

function traversableByOthers(p: string): boolean {
  for (let d = path.resolve(p); ; d = path.dirname(d)) {
    try {
      if ((fs.statSync(d).mode & 0o005) !== 0o005) return false;
    } catch {
      return false;
    }
    if (d === path.dirname(d)) return true;
  }
}

function loadStamp(file: string): Stamp | undefined {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Stamp;
    return fs.existsSync(path.join(s.goroot, 'bin', 'go')) ? s : undefined;
  } catch {
    return undefined;
  }
}

function statMtime(p: string): number {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return Date.now();
  }
}
