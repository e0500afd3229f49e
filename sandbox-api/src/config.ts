import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS } from './protocol.ts';

/** Every knob of the service; `createService` fills the rest from `defaultConfig()`. */
export interface ServiceConfig {
  /** Warm caches, job dirs and (by default) the share database live here. */
  stateDir: string;
  /** Jobs running at once (default 2 × cores). */
  workers: number;
  /** Requests allowed to wait for a worker before the service answers 429. */
  maxWaiting: number;
  /** Result cache entries (LRU). */
  cacheEntries: number;
  /** Result cache budget in bytes of serialised responses. */
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
}

export function defaultConfig(): ServiceConfig {
  const cores = os.availableParallelism();
  return {
    stateDir: process.env['GML_STATE_DIR'] ?? path.join(os.tmpdir(), 'go-memory-lab'),
    workers: 2 * cores,
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
  };
}
