import type { ServiceConfig } from './config.ts';
import { ApiFailure } from './errors.ts';
import type { JobSpec } from './job-backend.ts';
import { jobOutcomeLabel, type ServiceObserver } from './metrics/observer.ts';
import { analyzeJob, type JobOutcome } from './pipeline/analyze-job.ts';
import { makePathStripper } from './pipeline/strip-paths.ts';
import { createWorkspace } from './pipeline/workspace.ts';
import type { Platform } from './platform.ts';
import { jobRoot, type LaunchSpec, type SandboxMode } from './sandbox/launch.ts';
import { scratch } from './scratch.ts';
import type { Toolchain } from './toolchain/discover.ts';
import type { ToolchainWarmer } from './toolchain/toolchain-warmer.ts';

/** What running one job needs from the service. */
export interface JobRunnerDeps {
  config: ServiceConfig;
  known: ReadonlyMap<string, Toolchain>;
  warmer: ToolchainWarmer;
  sandbox: SandboxMode;
  platform: Platform;
  observer: ServiceObserver | undefined;
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
      const ws = scratch(() => createWorkspace(config.stateDir, spec.files, sandbox.uid));
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
          },
          spec.req,
          spec.files,
        );
        observer?.job(jobOutcomeLabel(out.response), (performance.now() - started) / 1000);
        return out;
      } finally {
        ws.remove();
      }
    } catch (e) {
      observer?.job('error', (performance.now() - started) / 1000);
      throw e;
    }
  };
}
