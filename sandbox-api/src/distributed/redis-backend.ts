import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiFailure, cancelled } from '../errors.ts';
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

  /** This node's waiters per job: the job is given up when the last one leaves. */
  interface Flight {
    promise: Promise<JobOutcome>;
    interested: number;
    controller: AbortController;
  }
  const inFlight = new Map<string, Flight>();
  const join = (f: Flight, signal: AbortSignal | undefined): void => {
    f.interested++;
    if (!signal) return;
    const leave = (): void => {
      if (--f.interested === 0) f.controller.abort();
    };
    if (signal.aborted) leave();
    else signal.addEventListener('abort', leave, { once: true });
    void f.promise.finally(() => signal.removeEventListener('abort', leave)).catch(() => undefined);
  };

  const runRemote = async (spec: JobSpec, cancel: AbortSignal): Promise<JobOutcome> => {
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
      const { queue } = await queueFor(spec.version);
      return queue.add('analyze', data, {
        jobId: spec.key,
        attempts: 1,
        // Kept a few seconds so a node that joins just after the end still reads the result.
        removeOnComplete: { age: 5 },
        removeOnFail: { age: 5 },
      });
    };
    // Redis can die between the status check in run() and here; BullMQ's commands would then
    // wait for a reconnect with the request hanging on them. Enqueueing gets a few seconds.
    const job = await withinMs(
      ENQUEUE_MS,
      (async () => {
        // Counted before the job exists, so a node giving up on it never removes it from under
        // this one; the count expires in case this node dies while waiting.
        await redis
          .multi()
          .incr(waiters)
          .pexpire(waiters, 2 * WAIT_CEILING_MS)
          .exec();
        counted = true;
        return enqueue();
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
        misses = hasWorkerFor(spec.version) ? 0 : misses + 1;
        if (misses >= 2) reject(noWorker(spec.version));
      }, HEARTBEAT_MS);
    });
    let raw: unknown;
    try {
      raw = await Promise.race([job.waitUntilFinished(events, WAIT_CEILING_MS), lost, gaveUp]);
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
      settled = true;
      events.off('removed', onRemoved);
      clearInterval(lostTimer);
      void withinMs(ENQUEUE_MS, uncount()).catch(() => undefined);
    }
    const result = JobResultSchema.parse(raw);
    if (!result.ok) throw new ApiFailure(result.status, result.body, result.retryAfter);
    return { response: result.response, cacheable: result.cacheable };
  };

  return {
    remote: true,
    async run(spec, _local, signal) {
      const joined = inFlight.get(spec.key);
      if (joined) {
        join(joined, signal);
        return joined.promise;
      }
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
      const controller = new AbortController();
      const flight: Flight = {
        interested: 0,
        controller,
        promise: runRemote(spec, controller.signal).finally(() => inFlight.delete(spec.key)),
      };
      inFlight.set(spec.key, flight);
      join(flight, signal);
      return flight.promise;
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
