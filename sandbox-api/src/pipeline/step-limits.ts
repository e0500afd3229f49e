import type { JobContext } from './job-context.ts';

/** The sandboxed steps of a job. */
export type Step = 'compile' | 'link' | 'run' | 'bench';

/** What one step may use: enforced by `launch`, and quoted back by `killedReason`. */
export interface StepLimits {
  wallMs: number;
  memoryBytes: number;
  pids: number;
  /** RLIMIT_FSIZE: the largest file the step may write. */
  fileBytes: number;
  stdoutCap: number;
  stderrCap: number;
}

const MiB = 1024 * 1024;

/** The one table of per-step limits, read from the service config. */
export function stepLimits(ctx: Pick<JobContext, 'config'>, step: Step): StepLimits {
  const c = ctx.config;
  switch (step) {
    case 'compile':
    case 'link':
      return {
        wallMs: c.compileWallMs,
        memoryBytes: c.compileMemoryBytes,
        pids: c.compilePids,
        // The linker writes the whole executable; the compiler only the package archive.
        fileBytes: step === 'link' ? 256 * MiB : 64 * MiB,
        stdoutCap: c.compilerTextBytes,
        stderrCap: c.compilerTextBytes,
      };
    case 'run':
      return {
        wallMs: c.runWallMs,
        memoryBytes: c.runMemoryBytes,
        pids: c.runPids,
        fileBytes: 16 * MiB,
        stdoutCap: c.stdoutBytes,
        stderrCap: c.stderrBytes,
      };
    case 'bench':
      // `go test` compiles and links before it runs, so it gets the compiler's room.
      return {
        wallMs: c.benchWallMs,
        memoryBytes: c.compileMemoryBytes,
        pids: c.compilePids,
        fileBytes: 256 * MiB,
        stdoutCap: c.stdoutBytes,
        stderrCap: c.stderrBytes,
      };
  }
}
