import type { Redis } from 'ioredis';
import { ApiFailure, cancelled } from '../errors.ts';
import type { JobSpec } from '../job-backend.ts';
import type { ServiceObserver } from '../metrics/observer.ts';
import type { JobOutcome } from '../pipeline/analyze-job.ts';
import { NO_WORKER_RETRY_AFTER, queueUnreachable, type ClusterView } from './cluster-view.ts';
import { JobResultSchema, type JobData, type JobResult } from './job-wire.ts';
import type { ResultListener } from './result-channel.ts';
import { HEARTBEAT_MS, KEYS } from './settings.ts';
import type { SpanSink } from './spans.ts';
import type { ToolchainQueues } from './toolchain-queues.ts';
import { withinMs } from './within-ms.ts';

/**
 * The longest a request waits for its job even with live workers (a lost event, a wedged
 * worker): a bench job's wall limit twice over (one retry) plus the stall detection.
 */
const WAIT_CEILING_MS = 120_000;

/** How long enqueueing a job may take before Redis counts as gone. */
export const ENQUEUE_MS = 3_000;

export interface RemoteJobContext {
  redis: Redis;
  queues: ToolchainQueues;
  cluster: ClusterView;
  results: ResultListener;
  observer?: ServiceObserver;
  onSpan?: SpanSink;
}

/**
 * Runs one job on a worker host and waits for its result: the first of the worker's publish
 * (`result-channel.ts`) and BullMQ's completed event. `cancel` aborts when this node's last
 * client for the job has gone (`SingleFlight`); the job is then removed if no node waits for it
 * and no worker has started it.
 */
export async function runRemoteJob(
  ctx: RemoteJobContext,
  spec: JobSpec,
  cancel: AbortSignal,
): Promise<JobOutcome> {
  const { redis, cluster, onSpan } = ctx;
  const data: JobData = spec;
  const waiters = KEYS.waiters(spec.key);
  let counted = false;
  /** This node stops waiting for the job: how many nodes still do. */
  const uncount = async (): Promise<number> => {
    if (!counted) return 1;
    counted = false;
    return Number(await redis.decr(waiters));
  };
  const enqueue = async () => {
    const { queue } = await ctx.queues.queueFor(spec.version);
    return queue.add('analyze', data, {
      jobId: spec.key,
      attempts: 1,
      // Kept a few seconds so a node that joins just after the end still reads the result.
      removeOnComplete: { age: 5 },
      removeOnFail: { age: 5 },
    });
  };
  // Subscribed before the job exists, so the worker's publish normally finds this node listening.
  const published = ctx.results.listen(spec.key);
  const enqueueStart = performance.now();
  // Redis can die between the status check in run() and here; BullMQ's commands would then
  // wait for a reconnect with the request hanging on them. Enqueueing gets a few seconds.
  const job = await withinMs(
    ENQUEUE_MS,
    (async () => {
      // Counted before the job exists, so a node giving up on it never removes it from under
      // this one; the count expires in case this node dies while waiting. Not awaited before
      // the add: both go down the node's one BullMQ connection, which Redis serves in order,
      // so the count still lands first and the two cost one round trip, not two.
      const counting = redis
        .multi()
        .incr(waiters)
        .pexpire(waiters, 2 * WAIT_CEILING_MS)
        .exec()
        .then(() => {
          counted = true;
        });
      const [, added] = await Promise.all([counting, enqueue()]);
      return added;
    })(),
  ).catch((e: unknown) => {
    published.stop();
    throw e;
  });
  if (job === undefined) {
    published.stop();
    throw queueUnreachable();
  }
  const enqueued = performance.now();
  onSpan?.({ step: 'api.enqueue', key: spec.key, start: enqueueStart, end: enqueued });
  const { events } = await ctx.queues.queueFor(spec.version);
  let settled = false;
  // Another node removed the job (its last client left) just as this one joined it: this
  // node still has a client waiting, so the job goes back in.
  const onRemoved = ({ jobId }: { jobId: string }): void => {
    if (jobId === spec.key && !settled && !cancel.aborted) void enqueue().catch(() => undefined);
  };
  events.on('removed', onRemoved);
  const gaveUp = new Promise<never>((_, reject) => {
    if (cancel.aborted) reject(cancelled());
    else cancel.addEventListener('abort', () => reject(cancelled()), { once: true });
  });
  gaveUp.catch(() => undefined);
  // The job must not outlive every worker that could run it: the caller gets a 503, not a hang.
  let lostTimer: NodeJS.Timeout | undefined;
  const lost = new Promise<never>((_, reject) => {
    let misses = 0;
    lostTimer = setInterval(() => {
      misses = cluster.hasWorkerFor(spec.version) ? 0 : misses + 1;
      if (misses >= 2) reject(cluster.noWorker(spec.version));
    }, HEARTBEAT_MS);
  });
  // The fallback when the publish is missed; also how a failed job (its worker died twice) is
  // learnt. Settles on its own when the event comes (or the queue closes); its result is only
  // validated when it answers, not again after the publish did.
  const completed = job.waitUntilFinished(events, WAIT_CEILING_MS).then((raw: unknown) => {
    onSpan?.({
      step: 'api.completed-event',
      key: spec.key,
      start: enqueued,
      end: performance.now(),
    });
    return { raw, via: 'event' as const };
  });
  completed.catch(() => undefined);
  let answer: { result: JobResult; via: 'publish' } | { raw: unknown; via: 'event' };
  try {
    answer = await Promise.race([
      published.result.then((result) => ({ result, via: 'publish' as const })),
      completed,
      lost,
      gaveUp,
    ]);
    onSpan?.({
      step: 'api.wait',
      key: spec.key,
      start: enqueued,
      end: performance.now(),
      via: answer.via,
    });
  } catch (e) {
    // From here this node removes the job itself when it gives up: never put it back.
    settled = true;
    if (cancel.aborted) {
      // Every client of this node left. When no node waits any more, a job no worker has
      // started is removed instead of running for nobody (a running one finishes and is
      // cached). A node that joins meanwhile puts it back (onRemoved above).
      const left = await withinMs(ENQUEUE_MS, uncount()).catch(() => undefined);
      if (left !== undefined && left <= 0) {
        const state = await job.getState().catch(() => 'unknown');
        if (state === 'waiting' || state === 'prioritized') {
          await withinMs(ENQUEUE_MS, job.remove()).catch(() => undefined);
        }
      }
      throw cancelled();
    }
    if (e instanceof ApiFailure) {
      await job.remove().catch(() => undefined);
      throw e;
    }
    // BullMQ fails a job only when its worker died twice (maxStalledCount): say so plainly.
    ctx.observer?.job('lost', 0);
    const timedOut = /timed out/.test((e as Error).message);
    throw new ApiFailure(
      503,
      {
        code: 'unavailable',
        message: timedOut
          ? 'no worker finished this job in time; try again'
          : `the worker running this job stopped and the retry failed too (${(e as Error).message}); try again`,
      },
      NO_WORKER_RETRY_AFTER,
    );
  } finally {
    settled = true;
    published.stop();
    events.off('removed', onRemoved);
    clearInterval(lostTimer);
    void withinMs(ENQUEUE_MS, uncount()).catch(() => undefined);
  }
  let result: JobResult;
  if (answer.via === 'publish') result = answer.result;
  else {
    const start = performance.now();
    result = JobResultSchema.parse(answer.raw);
    onSpan?.({ step: 'api.result', key: spec.key, start, end: performance.now() });
  }
  if (!result.ok) throw new ApiFailure(result.status, result.body, result.retryAfter);
  return { response: result.response, cacheable: result.cacheable };
}
