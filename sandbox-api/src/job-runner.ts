import type { ServiceConfig } from './config.ts';
import { ApiFailure } from './errors.ts';
import type { JobSpec } from './job-backend.ts';
import { jobOutcomeLabel, type ServiceObserver } from './metrics/observer.ts';
import { analyzeJob, type JobOutcome } from './pipeline/analyze-job.ts';
import { makePathStripper } from './pipeline/strip-paths.ts';
import type { CompilePool, ReadyCompile } from './pipeline/compile-pool.ts';
import { compileSpec } from './pipeline/compile-step.ts';
import { createWorkspace, writeSources, type Workspace } from './pipeline/workspace.ts';
import type { Platform } from './platform.ts';
import { jobRoot, type LaunchSpec, type SandboxMode } from './sandbox/launch.ts';
import { scratch, scratchQuietly } from './scratch.ts';
import type { Toolchain } from './toolchain/discover.ts';
import type { ToolchainWarmer } from './toolchain/toolchain-warmer.ts';
import type { WarmToolchain } from './toolchain/warm.ts';

/** What running one job needs from the service. */
export interface JobRunnerDeps {
  config: ServiceConfig;
  known: ReadonlyMap<string, Toolchain>;
  warmer: ToolchainWarmer;
  sandbox: SandboxMode;
  platform: Platform;
  observer: ServiceObserver | undefined;
  pool: CompilePool;
}

/** A compile sandbox for `toolchain`, set up now in a fresh, empty job dir. */
function readyCompile(
  config: ServiceConfig,
  sandbox: SandboxMode,
  platform: Platform,
  toolchain: WarmToolchain,
): ReadyCompile {
  const ws = createWorkspace(config.stateDir, [], sandbox.uid);
  try {
    const root = jobRoot(sandbox, ws.dir);
    return {
      ws,
      launch: platform.runner.prepare(
        sandbox,
        compileSpec({ config, toolchain, jobDir: ws.dir, root }),
      ),
    };
  } catch (e) {
    ws.remove();
    throw e;
  }
}

/**
 * Runs one validated job on this process's toolchains in a fresh job dir (removed after),
 * bypassing queue and cache: what the embedded queue's workers and a worker host both call.
 */
export function jobRunner(
  d: JobRunnerDeps,
): (spec: JobSpec, signal?: AbortSignal) => Promise<JobOutcome> {
  const { config, sandbox, platform, observer } = d;
  return async (spec, signal) => {
    const started = performance.now();
    try {
      if (!d.known.has(spec.version)) {
        throw new ApiFailure(503, {
          code: 'unavailable',
          message: `toolchain ${spec.version} is not installed here`,
        });
      }
      const toolchain = await d.warmer.ensureWarm(spec.version, spec.req.env.GOEXPERIMENT);
      // Only plain toolchains are pooled: a GOEXPERIMENT changes the compiler's environment.
      const ready =
        sandbox.kind === 'bubblewrap' && spec.req.env.GOEXPERIMENT === undefined
          ? d.pool.take(spec.version, () => readyCompile(config, sandbox, platform, toolchain))
          : undefined;
      let ws: Workspace;
      try {
        ws = ready
          ? scratch(() => (writeSources(ready.ws.dir, spec.files), ready.ws))
          : scratch(() => createWorkspace(config.stateDir, spec.files, sandbox.uid));
      } catch (e) {
        await ready?.launch.cancel();
        // The same disk failing again must not hide the 503 (the startup sweep removes the dir).
        scratchQuietly(() => ready?.ws.remove());
        throw e;
      }
      try {
        const root = jobRoot(sandbox, ws.dir);
        const strip = makePathStripper([root, ws.dir], toolchain.goroot, config.stateDir);
        const jobSignal = signal ?? new AbortController().signal;
        const { runner } = platform;
        const out = await analyzeJob(
          {
            config,
            sandbox,
            toolchain,
            jobDir: ws.dir,
            root,
            strip,
            signal: jobSignal,
            launch: (s: LaunchSpec) => runner.launch(sandbox, s),
            prepare: (s: LaunchSpec) => runner.prepare(sandbox, s),
            preparedCompile: ready?.launch,
          },
          spec.req,
          spec.files,
        );
        observer?.job(jobOutcomeLabel(out.response), (performance.now() - started) / 1000);
        return out;
      } finally {
        // A job that ended before its compile (a package error) never released the sandbox.
        await ready?.launch.cancel();
        ws.remove();
      }
    } catch (e) {
      observer?.job('error', (performance.now() - started) / 1000);
      throw e;
    }
  };
}
