import { Redis } from 'ioredis';
import type { JobBackend } from '../job-backend.ts';
import type { ServiceObserver } from '../metrics/observer.ts';
import type { JobOutcome } from '../pipeline/analyze-job.ts';
import { SingleFlight } from '../single-flight.ts';
import { queueUnreachable, watchCluster } from './cluster-view.ts';
import { CachedResultSchema } from './job-wire.ts';
import { runRemoteJob } from './remote-job.ts';
import { resultListener } from './result-channel.ts';
import { KEYS } from './settings.ts';
import type { SpanSink } from './spans.ts';
import { toolchainQueues } from './toolchain-queues.ts';
import { withinMs } from './within-ms.ts';

export interface RedisBackendOptions {
  url: string;
  /** Jobs allowed to wait in the shared queue before new ones get 429. */
  maxWaiting: number;
  log: (line: string) => void;
  observer?: ServiceObserver;
  /** Timing of each step (the bench's breakdown); unset in the service. */
  onSpan?: SpanSink;
}

/** How long reading the shared cache may take before it counts as a miss. */
const CACHE_READ_MS = 500;

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
  const queues = toolchainQueues(redis);
  const cluster = await watchCluster(redis, queues, opts.log);
  const results = resultListener(redis, opts.onSpan);
  const ctx = {
    redis,
    queues,
    cluster,
    results,
    ...(opts.observer ? { observer: opts.observer } : {}),
    ...(opts.onSpan ? { onSpan: opts.onSpan } : {}),
  };
  /** This node's waiters per job: the job is given up when the last one leaves. */
  const flights = new SingleFlight<JobOutcome>();

  return {
    remote: true,
    async run(spec, _local, signal) {
      return flights.run(
        spec.key,
        (cancel) => {
          // BullMQ's commands wait for a reconnect; a request must not wait with them.
          if (redis.status !== 'ready') throw queueUnreachable();
          if (!cluster.hasWorkerFor(spec.version)) throw cluster.noWorker(spec.version);
          const full = cluster.queueFull(opts.maxWaiting);
          if (full) throw full;
          return runRemoteJob(ctx, spec, cancel);
        },
        signal,
      );
    },
    async cached(key) {
      if (redis.status !== 'ready') return undefined;
      const start = performance.now();
      try {
        // Bounded for the same reason as enqueueing: a connection that just died queues the GET.
        const text = await withinMs(CACHE_READ_MS, redis.get(KEYS.result(key)));
        if (text === null || text === undefined) return undefined;
        const parsed = CachedResultSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        // A shared cache that is down or holds garbage is a miss, never a failed request.
        return undefined;
      } finally {
        opts.onSpan?.({ step: 'api.cache-read', key, start, end: performance.now() });
      }
    },
    offered: () => cluster.offered(),
    queueStats: () => ({
      running: cluster.depth().active,
      waiting: cluster.depth().waiting,
      workers: cluster.workers().length,
      maxWaiting: opts.maxWaiting,
      backend: 'redis',
    }),
    healthExtras: () => ({ workers: cluster.workers() }),
    async close() {
      cluster.close();
      results.close();
      await queues.close();
      redis.disconnect();
    },
  };
}
