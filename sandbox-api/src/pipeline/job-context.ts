import type { ServiceConfig } from '../config.ts';
import {
  JOB_CPUS,
  type LaunchResult,
  type LaunchSpec,
  type PreparedLaunch,
  type SandboxMode,
} from '../sandbox/launch.ts';
import type { WarmToolchain } from '../toolchain/warm.ts';
import { ApiFailure, cancelled } from '../errors.ts';

/** Everything a job step needs besides its own inputs. */
export interface JobContext {
  config: ServiceConfig;
  sandbox: SandboxMode;
  toolchain: WarmToolchain;
  jobDir: string;
  /** The job dir as the program sees it (`/job` inside bubblewrap). */
  root: string;
  strip: (text: string) => string;
  signal: AbortSignal | undefined;
  /**
   * Runs one process in this job's sandbox: `launch` under `sandbox` in the service, a fake in
   * the HTTP table tests. Steps never import `launch` themselves.
   */
  launch: (spec: LaunchSpec) => Promise<LaunchResult>;
  /** Sets a step's sandbox up now and runs its program later (`prepareLaunch`). */
  prepare: (spec: LaunchSpec) => PreparedLaunch;
  /** The compile sandbox set up before the request came (`compile-pool.ts`), if there was one. */
  preparedCompile?: PreparedLaunch | undefined;
}

/**
 * What a toolchain step reads, read-only: GOROOT and a compiled std (its importcfg and cache),
 * the master's unless `std` is given.
 */
export function toolchainBinds(
  ctx: Pick<JobContext, 'toolchain'>,
  std: { importcfg: string; gocache: string } = ctx.toolchain,
): { src: string; dst: string; writable: boolean }[] {
  return [
    { src: ctx.toolchain.goroot, dst: ctx.toolchain.goroot, writable: false },
    { src: std.gocache, dst: std.gocache, writable: false },
    { src: std.importcfg, dst: std.importcfg, writable: false },
  ];
}

/**
 * The environment of the compile and link tools: they read GOEXPERIMENT themselves, and it must
 * match the standard library's (a mismatch fails the link, or worse, mixes two runtimes).
 * GOMAXPROCS is the job cgroup's quota: the sandbox hides cgroupfs, so the Go runtime would size
 * itself to the host's cores, and on this 2-core machine the linker's second thread (and the
 * GC's idle workers) spent the quota in half a period and sat throttled for the rest — link
 * 246 → 209 ms, compile 94 → 83 ms for the bench's sample under a 1-core quota.
 */
export function toolEnv(ctx: Pick<JobContext, 'toolchain'>): Record<string, string> {
  const t = ctx.toolchain;
  return {
    PATH: '/usr/bin:/bin',
    HOME: '/tmp',
    GOROOT: t.goroot,
    GOMAXPROCS: String(JOB_CPUS),
    ...(t.goexperiment ? { GOEXPERIMENT: t.goexperiment } : {}),
  };
}

export function toolPath(ctx: Pick<JobContext, 'toolchain'>, tool: string): string {
  const t = ctx.toolchain;
  return `${t.goroot}/pkg/tool/${t.goos}_${t.goarch}/${tool}`;
}

/**
 * A launcher failure (bwrap could not start, setpriv refused, the shell could not join a cgroup
 * or set an rlimit: status 126) is the service's fault, not the user's: it must surface as a
 * 5xx and never be cached.
 */
export function assertLaunched(r: LaunchResult, step: string): void {
  if (r.aborted) throw cancelled();
  if (
    (r.exitCode === 1 || r.exitCode === 126) &&
    /^(bwrap|setpriv|sh): /m.test(r.stderr.text.slice(0, 500))
  ) {
    const first = r.stderr.text.split('\n')[0] ?? '';
    throw new ApiFailure(500, {
      code: 'internal',
      message: `sandbox failed to start the ${step} step: ${first}`,
    });
  }
}
