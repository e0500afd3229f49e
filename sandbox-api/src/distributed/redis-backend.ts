import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiFailure } from '../errors.ts';
import type { JobBackend, JobSpec } from '../job-backend.ts';
import type { ServiceObserver } from '../metrics/observer.ts';
import type { JobOutcome } from '../pipeline/analyze-job.ts';
import { CachedResultSchema, JobResultSchema, type JobData, type WorkerInfo } from './job-wire.ts';
import { liveWorkers } from './worker-registry.ts';
import { HEARTBEAT_MS, KEYS, queueName } from './settings.ts';

export interface RedisBackendOptions {
  url: string;
  /** Jobs allowed to wait in the shared queue before new ones get 429. */
  maxWaiting: number;
  log: (line: string) => void;
  observer?: ServiceObserver;
}

/**
 * The longest a request waits for its job even with live workers (a lost event, a wedged
 * worker): a bench job's wall limit twice over (one retry) plus the stall detection.
 */
const WAIT_CEILING_MS = 120_000;

/** How long enqueueing a job and reading the shared cache may take before Redis counts as gone. */
const ENQUEUE_MS = 3_000;
const CACHE_READ_MS = 500;

/** `p`'s value, or undefined when it takes longer than `ms` (the promise is left to settle). */
function withinMs<T>(ms: number, p: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Seconds a client is told to wait when no worker can take its job. */
const NO_WORKER_RETRY_AFTER = 5;

/**
 * The API side of distributed mode: jobs go to a BullMQ queue per toolchain, workers on other
 * hosts run them (`worker-host.ts`). The job id is the cache key, so the same request sent to
 * several API nodes at once is one job, and every node waiting on it gets its result.
 * Results cached by any worker (`SET … EX`) are served by every node.
 */
export async function createRedisBackend(opts: RedisBackendOptions): Promise<JobBackend> {
  // null: BullMQ's own commands wait for a reconnect instead of failing half-way through.
  const redis = new Redis(opts.url, { maxRetriesPerRequest: null });
  redis.on('error', (e: Error) => opts.log(`redis: ${e.message}`));
  const queues = new Map<string, { queue: Queue; events: QueueEvents }>();
  const queueFor = async (version: string): Promise<{ queue: Queue; events: QueueEvents }> => {
    let q = queues.get(version);
    if (!q) {
      const name = queueName(version);
      q = {
        queue: new Queue(name, { connection: redis }),
        events: new QueueEvents(name, { connection: redis }),
      };
      // Every waiting request listens for the queue closing: as many as maxWaiting at once.
      q.queue.setMaxListeners(0);
      q.events.setMaxListeners(0);
      // Connection errors are logged once per client by the `redis` handler above.
      q.queue.on('error', () => undefined);
      q.events.on('error', () => undefined);
      queues.set(version, q);
    }
    await q.events.waitUntilReady();
    return q;
  };

  // What every request needs to decide quickly (live workers, queue depth) is read once per
  // heartbeat, not per request.
  let workers: WorkerInfo[] = [];
  let waiting = 0;
  let active = 0;
  let refreshing = false;
  const refresh = async (): Promise<void> => {
    // Unreachable Redis: no worker can be reached either, and commands would only pile up.
    if (redis.status !== 'ready') {
      workers = [];
      return;
    }
    if (refreshing) return;
    refreshing = true;
    try {
      await readQueue();
    } finally {
      refreshing = false;
    }
  };
  const readQueue = async (): Promise<void> => {
    workers = await liveWorkers(redis);
    let w = 0;
    let a = 0;
    for (const version of new Set(workers.flatMap((x) => x.toolchains))) {
      const { queue } = await queueFor(version);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      w += (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0);
      a += counts['active'] ?? 0;
    }
    waiting = w;
    active = a;
  };
  // A wrong GML_REDIS_URL is a clear failure at start, not a node that 503s forever.
  await Promise.race([
    redis.ping(),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`cannot reach Redis at ${opts.url}`)), 10_000).unref(),
    ),
  ]).catch((e: unknown) => {
    redis.disconnect();
    throw e;
  });
  await refresh();
  const poll = setInterval(() => {
    refresh().catch((e: unknown) => opts.log(`redis: ${(e as Error).message}`));
  }, HEARTBEAT_MS);

  const noWorker = (version: string): ApiFailure => {
    const offered = [...new Set(workers.flatMap((w) => w.toolchains))];
    return new ApiFailure(
      503,
      {
        code: 'unavailable',
        message:
          workers.length === 0
            ? 'no worker is running right now; try again shortly'
            : `no live worker has toolchain ${version} (workers have: ${offered.join(', ')})`,
      },
      NO_WORKER_RETRY_AFTER,
    );
  };
  const hasWorkerFor = (version: string): boolean =>
    workers.some((w) => w.toolchains.includes(version));

  const inFlight = new Map<string, Promise<JobOutcome>>();

  const runRemote = async (spec: JobSpec): Promise<JobOutcome> => {
    const data: JobData = spec;
    // Redis can die between the status check in run() and here; BullMQ's commands would then
    // wait for a reconnect with the request hanging on them. Enqueueing gets a few seconds.
    const job = await withinMs(
      ENQUEUE_MS,
      (async () => {
        const { queue } = await queueFor(spec.version);
        return queue.add('analyze', data, {
          jobId: spec.key,
          attempts: 1,
          // Kept a few seconds so a node that joins just after the end still reads the result.
          removeOnComplete: { age: 5 },
          removeOnFail: { age: 5 },
        });
      })(),
    );
    if (job === undefined) {
      throw new ApiFailure(
        503,
        { code: 'unavailable', message: 'the job queue is unreachable right now; try again' },
        NO_WORKER_RETRY_AFTER,
      );
    }
    const { events } = await queueFor(spec.version);
    // The job must not outlive every worker that could run it: the caller gets a 503, not a hang.
    let lostTimer: NodeJS.Timeout | undefined;
    const lost = new Promise<never>((_, reject) => {
      let misses = 0;
      lostTimer = setInterval(() => {
        misses = hasWorkerFor(spec.version) ? 0 : misses + 1;
        if (misses >= 2) reject(noWorker(spec.version));
      }, HEARTBEAT_MS);
    });
    let raw: unknown;
    try {
      raw = await Promise.race([job.waitUntilFinished(events, WAIT_CEILING_MS), lost]);
    } catch (e) {
      if (e instanceof ApiFailure) {
        await job.remove().catch(() => undefined);
        throw e;
      }
      // BullMQ fails a job only when its worker died twice (maxStalledCount): say so plainly.
      opts.observer?.job('lost', 0);
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
      clearInterval(lostTimer);
    }
    const result = JobResultSchema.parse(raw);
    if (!result.ok) throw new ApiFailure(result.status, result.body, result.retryAfter);
    return { response: result.response, cacheable: result.cacheable };
  };

  return {
    remote: true,
    async run(spec) {
      const joined = inFlight.get(spec.key);
      if (joined) return joined;
      // BullMQ's commands wait for a reconnect; a request must not wait with them.
      if (redis.status !== 'ready') {
        throw new ApiFailure(
          503,
          { code: 'unavailable', message: 'the job queue is unreachable right now; try again' },
          NO_WORKER_RETRY_AFTER,
        );
      }
      if (!hasWorkerFor(spec.version)) throw noWorker(spec.version);
      if (waiting >= opts.maxWaiting) {
        const perWorker = Math.max(
          1,
          workers.reduce((n, w) => n + Math.max(1, w.busy), 0),
        );
        const retryAfter = Math.max(1, Math.ceil(waiting / perWorker));
        throw new ApiFailure(
          429,
          {
            code: 'queue_full',
            message: `the service is busy (${waiting} requests waiting); retry in ${retryAfter} s`,
          },
          retryAfter,
        );
      }
      const p = runRemote(spec).finally(() => inFlight.delete(spec.key));
      inFlight.set(spec.key, p);
      return p;
    },
    async cached(key) {
      if (redis.status !== 'ready') return undefined;
      try {
        // Bounded for the same reason as enqueueing: a connection that just died queues the GET.
        const text = await withinMs(CACHE_READ_MS, redis.get(KEYS.result(key)));
        if (text === null || text === undefined) return undefined;
        const parsed = CachedResultSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        // A shared cache that is down or holds garbage is a miss, never a failed request.
        return undefined;
      }
    },
    offered: () => [...new Set(workers.flatMap((w) => w.toolchains))],
    queueStats: () => ({
      running: active,
      waiting,
      workers: workers.length,
      maxWaiting: opts.maxWaiting,
      backend: 'redis',
    }),
    healthExtras: () => ({ workers }),
    async close() {
      clearInterval(poll);
      for (const { queue, events } of queues.values()) {
        await events.close();
        await queue.close();
      }
      redis.disconnect();
    },
  };
}
