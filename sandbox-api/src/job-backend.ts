import type { JobOutcome } from './pipeline/analyze-job.ts';
import type { HealthResponse, NormalizedAnalyzeRequest, SourceFile } from './protocol.ts';
import { JobQueue } from './queue.ts';

/** Everything a worker needs to run one analyze job, wherever it runs. */
export interface JobSpec {
  /** The cache key: also the job's identity, so identical requests share one run. */
  key: string;
  req: NormalizedAnalyzeRequest;
  files: SourceFile[];
  version: string;
}

/** Runs a job on this process's own toolchains and sandbox. */
export type LocalRun = (signal: AbortSignal) => Promise<JobOutcome>;

/**
 * Where jobs run. The embedded backend (the default) is this process's bounded pool; the
 * Redis backend (`distributed/redis-backend.ts`) hands jobs to worker hosts. The service does
 * validation and the first-level cache either way.
 */
export interface JobBackend {
  /** Runs `spec` (or joins the identical job in flight). Throws ApiFailure for 429/503. */
  run(spec: JobSpec, local: LocalRun, signal?: AbortSignal): Promise<JobOutcome>;
  /** A result another node computed (second-level cache), if the backend shares one. */
  cached?(key: string): Promise<JobOutcome['response'] | undefined>;
  /** True when jobs may name toolchains this process does not have (workers decide). */
  readonly remote: boolean;
  /** Versions some live worker offers (remote backends). */
  offered?(): string[];
  queueStats(): HealthResponse['queue'];
  /** Extra health fields (the live workers of a remote backend). */
  healthExtras?(): Pick<HealthResponse, 'workers'>;
  close(): Promise<void>;
}

/** The single-process backend: a bounded pool with single-flight (`queue.ts`). */
export function embeddedBackend(opts: { workers: number; maxWaiting: number }): JobBackend {
  const queue = new JobQueue<JobOutcome>(opts);
  return {
    remote: false,
    run: (spec, local, signal) => queue.run(spec.key, local, signal),
    queueStats: () => queue.stats(),
    close: () => Promise.resolve(),
  };
}
