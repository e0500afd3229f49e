import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiFailure } from '../errors.ts';
import type { Service } from '../service.ts';
import { JobDataSchema, type JobResult, type WorkerInfo } from './job-wire.ts';
import { announceWorker } from './worker-registry.ts';
import { publishResult } from './result-channel.ts';
import { STALL, queueName } from './settings.ts';
import type { SpanSink } from './spans.ts';

export interface WorkerHostOptions {
  url: string;
  /** Jobs this host runs at once, across its toolchains (default: the service's `workers`). */
  concurrency?: number;
  log: (line: string) => void;
  /** Timing of each step (the bench's breakdown); unset in the service. */
  onSpan?: SpanSink;
}

export interface WorkerHost {
  readonly id: string;
  info(): WorkerInfo;
  /** Stops taking jobs, waits up to `graceMs` for running ones, then leaves the registry. */
  close(graceMs?: number): Promise<void>;
}

/**
 * A worker host: takes jobs from the queue of every toolchain it has, runs them with
 * `service.runJob` (the same pipeline and sandbox as the embedded mode), publishes each result to
 * the API nodes waiting for it and cacheable ones to the shared cache (`result-channel.ts`), and
 * heartbeats its liveness and load.
 */
export async function startWorkerHost(
  service: Service,
  opts: WorkerHostOptions,
): Promise<WorkerHost> {
  const redis = new Redis(opts.url, { maxRetriesPerRequest: null });
  redis.on('error', (e: Error) => opts.log(`redis: ${e.message}`));
  const id = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const toolchains = service.toolchains().toolchains.map((t) => t.version);
  const concurrency = opts.concurrency ?? service.config.workers;
  let busy = 0;
  let jobs = 0;
  const info = (): WorkerInfo => ({ id, host: os.hostname(), toolchains, busy, jobs });
  const heartbeat = announceWorker(redis, info);

  /** The job's result; `started` is called once its data is checked and the run begins. */
  const answer = async (job: Job, started: () => void): Promise<JobResult> => {
    try {
      const data = JobDataSchema.parse(job.data);
      started();
      const out = await service.runJob(data);
      out.response.timing.queueMs = Math.max(0, (job.processedOn ?? Date.now()) - job.timestamp);
      return { ok: true, response: out.response, cacheable: out.cacheable };
    } catch (e) {
      // Answered, not thrown: BullMQ retries only jobs whose worker died, never a refusal.
      if (e instanceof ApiFailure) {
        return {
          ok: false,
          status: e.status,
          body: e.body,
          ...(e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : {}),
        };
      }
      opts.log(`job ${job.id ?? '?'} failed: ${(e as Error).stack ?? String(e)}`);
      return {
        ok: false,
        status: 500,
        body: { code: 'internal', message: 'the service failed to run this request' },
      };
    }
  };

  const process_ = async (job: Job): Promise<JobResult> => {
    let start = performance.now();
    busy++;
    heartbeat.now();
    try {
      const result = await answer(job, () => (start = performance.now()));
      const key = job.id ?? '';
      const ran = performance.now();
      // Straight to the waiting API nodes (and the shared cache), ahead of BullMQ's completion.
      publishResult(redis, key, result).catch(() => undefined);
      const published = performance.now();
      // Reported after the publish, so reporting them never delays it.
      opts.onSpan?.({ step: 'worker.job', key, start, end: ran });
      opts.onSpan?.({ step: 'worker.publish', key, start: ran, end: published });
      return result;
    } finally {
      busy--;
      jobs++;
      heartbeat.now();
    }
  };

  // One BullMQ worker per toolchain queue, sharing this host's concurrency between them.
  const workers = toolchains.map(
    (version) =>
      new Worker(queueName(version), process_, {
        connection: redis,
        concurrency,
        name: id,
        ...STALL,
      }),
  );
  for (const w of workers) {
    w.on('error', (e: Error) => opts.log(`worker: ${e.message}`));
    await w.waitUntilReady();
  }

  return {
    id,
    info,
    async close(graceMs = 30_000) {
      const drained = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([
        drained.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
      ]);
      // Past the grace period the running jobs are abandoned; BullMQ's stall check hands
      // them to another worker (the one retry).
      if (timedOut) await Promise.all(workers.map((w) => w.close(true)));
      await heartbeat.stop().catch(() => undefined);
      redis.disconnect();
    },
  };
}
