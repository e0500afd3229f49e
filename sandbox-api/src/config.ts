import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS } from './protocol.ts';

/** Every knob of the service; `createService` fills the rest from `defaultConfig()`. */
export interface ServiceConfig {
  /**
   * Warm caches, job dirs and (by default) the share database live here. Checked at start
   * (`state-dir.ts`): owned by this uid, not group/world-writable, no symlink.
   */
  stateDir: string;
  /** Jobs running at once (default 2 × cores). */
  workers: number;
  /**
   * Compile sandboxes kept set up per toolchain (`pipeline/compile-pool.ts`), so a cache miss
   * waits for the compiler only; 0 turns the pool off. GML_READY_SANDBOXES.
   */
  readySandboxes: number;
  /** Requests allowed to wait for a worker before the service answers 429. */
  maxWaiting: number;
  /** Result cache entries (LRU). */
  cacheEntries: number;
  /**
   * Result cache budget in bytes of serialised responses, each counted twice: the stored
   * result and the signed body the HTTP layer prepares from it (`cache/response-bodies.ts`).
   */
  cacheBytes: number;
  /** Total bytes of source across all files. */
  maxSourceBytes: number;
  maxFiles: number;
  compileWallMs: number;
  compileMemoryBytes: number;
  runWallMs: number;
  runMemoryBytes: number;
  /** Wall limit of a whole `go test -bench` job (compile, link and the benchmarks). */
  benchWallMs: number;
  /**
   * Size cap of the tmpfs all bench jobs share (`<stateDir>/bench`): the master caches copied in
   * once (about 170 MiB per toolchain) plus what running bench jobs write.
   */
  benchTmpfsBytes: number;
  /** Bytes of program stdout kept; the program is killed beyond it. */
  stdoutBytes: number;
  /** Bytes of program stderr kept (gctrace lands here). */
  stderrBytes: number;
  /** Bytes of compiler text kept. */
  compilerTextBytes: number;
  /** Processes and threads per job (pids cgroup). */
  compilePids: number;
  runPids: number;
  /** Host uid/gid the sandbox runs as. */
  sandboxUid: number;
  /** Force the unsandboxed path even when bubblewrap exists (tests of the fallback). */
  forceUnsandboxed: boolean;
  /** Toolchain used when a request names none; default: the local `go`. */
  defaultToolchain: string | undefined;
  /** Warm the default toolchain inside `createService` instead of on first use. */
  warmAtStart: boolean;
  /** Progress lines (warming, sandbox mode); default: stderr. */
  log: (line: string) => void;
  // sec-service: per-client fairness and the share store's limits (enforced by the HTTP layer).
  /** Analyze requests one client may have in flight (`GML_CLIENT_MAX_IN_FLIGHT`). */
  clientMaxInFlight: number;
  /** Share links one client may create a minute (`GML_CLIENT_SHARES_PER_MINUTE`). */
  clientSharesPerMinute: number;
  /** Classes one client may create a minute (`GML_CLASSES_PER_MINUTE`). */
  clientClassesPerMinute: number;
  /** Proxies whose X-Forwarded-For is believed: addresses or CIDRs (`GML_TRUSTED_PROXIES`). */
  trustedProxies: string[];
  /** Size cap of the share database file (`GML_SHARE_MAX_BYTES`). */
  shareMaxBytes: number;
}

/**
 * An integer of at least `min` (default 1) from the environment, or the default; anything else
 * stops the start.
 */
function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new Error(`${name} must be an integer of at least ${min}`);
  }
  return n;
}

export function defaultConfig(): ServiceConfig {
  const cores = os.availableParallelism();
  const workers = 2 * cores;
  return {
    stateDir: process.env['GML_STATE_DIR'] ?? defaultStateDir(),
    workers,
    // Two: a learner's request and the next one finding theirs ready while the first refills.
    readySandboxes: envInt('GML_READY_SANDBOXES', 2, 0),
    maxWaiting: 64,
    cacheEntries: 500,
    cacheBytes: 64 * 1024 * 1024,
    maxSourceBytes: 64 * 1024,
    maxFiles: 8,
    compileWallMs: 10_000,
    compileMemoryBytes: 1024 * 1024 * 1024,
    runWallMs: DEFAULT_LIMITS.runWallMs,
    runMemoryBytes: DEFAULT_LIMITS.runMemoryBytes,
    benchWallMs: 30_000,
    benchTmpfsBytes: 2 * 1024 * 1024 * 1024,
    stdoutBytes: 1024 * 1024,
    stderrBytes: 1024 * 1024,
    compilerTextBytes: 256 * 1024,
    compilePids: 128,
    runPids: 64,
    sandboxUid: 10001,
    forceUnsandboxed: false,
    defaultToolchain: undefined,
    warmAtStart: false,
    log: (line) => process.stderr.write(`${line}\n`),
    // Half the workers: a flooding client leaves the other half to everyone else.
    clientMaxInFlight: envInt('GML_CLIENT_MAX_IN_FLIGHT', Math.max(2, Math.ceil(workers / 2))),
    clientSharesPerMinute: envInt('GML_CLIENT_SHARES_PER_MINUTE', 30),
    // An instructor makes a class or two per workshop; five a minute leaves room for a school
    // behind one NAT address, not for a script filling the store.
    clientClassesPerMinute: envInt('GML_CLASSES_PER_MINUTE', 5),
    trustedProxies: (process.env['GML_TRUSTED_PROXIES'] ?? '').split(',').filter((s) => s !== ''),
    shareMaxBytes: envInt('GML_SHARE_MAX_BYTES', 512 * 1024 * 1024),
  };
}

/**
 * Where state lives unless GML_STATE_DIR says otherwise: never a shared tmp dir, where another
 * local user can create it first (docs/SECURITY.md, finding S2). Root gets the system path;
 * anyone else the XDG state home.
 */
export function defaultStateDir(): string {
  if (process.getuid?.() === 0) return '/var/lib/go-memory-lab';
  const xdg = process.env['XDG_STATE_HOME'];
  const base =
    xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'go-memory-lab');
}
