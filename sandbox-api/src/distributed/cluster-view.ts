import type { Redis } from 'ioredis';
import { ApiFailure } from '../errors.ts';
import type { WorkerInfo } from './job-wire.ts';
import { HEARTBEAT_MS } from './settings.ts';
import type { ToolchainQueues } from './toolchain-queues.ts';
import { liveWorkers } from './worker-registry.ts';

/** Seconds a client is told to wait when no worker can take its job. */
export const NO_WORKER_RETRY_AFTER = 5;

/** The 503 when Redis does not answer: BullMQ would wait for a reconnect, a request must not. */
export const queueUnreachable = (): ApiFailure =>
  new ApiFailure(
    503,
    { code: 'unavailable', message: 'the job queue is unreachable right now; try again' },
    NO_WORKER_RETRY_AFTER,
  );

export interface ClusterView {
  workers(): WorkerInfo[];
  /** Jobs waiting and running in the shared queues, as of the last heartbeat read. */
  depth(): { waiting: number; active: number };
  offered(): string[];
  hasWorkerFor(version: string): boolean;
  /** The 503 for a job no live worker can take, naming the toolchain. */
  noWorker(version: string): ApiFailure;
  /** The 429 when the shared queue holds `maxWaiting` jobs, else undefined. */
  queueFull(maxWaiting: number): ApiFailure | undefined;
  close(): void;
}

/**
 * What every request needs to decide quickly (live workers, queue depth), read from Redis once
 * per heartbeat rather than per request.
 */
export async function watchCluster(
  redis: Redis,
  queues: ToolchainQueues,
  log: (line: string) => void,
): Promise<ClusterView> {
  let workers: WorkerInfo[] = [];
  let waiting = 0;
  let active = 0;
  let refreshing = false;
  const readQueue = async (): Promise<void> => {
    workers = await liveWorkers(redis);
    let w = 0;
    let a = 0;
    for (const version of new Set(workers.flatMap((x) => x.toolchains))) {
      const { queue } = await queues.queueFor(version);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      w += (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0);
      a += counts['active'] ?? 0;
    }
    waiting = w;
    active = a;
  };
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
  await refresh();
  const poll = setInterval(() => {
    refresh().catch((e: unknown) => log(`redis: ${(e as Error).message}`));
  }, HEARTBEAT_MS);
  const offered = (): string[] => [...new Set(workers.flatMap((w) => w.toolchains))];

  return {
    workers: () => workers,
    depth: () => ({ waiting, active }),
    offered,
    hasWorkerFor: (version) => workers.some((w) => w.toolchains.includes(version)),
    noWorker: (version) =>
      new ApiFailure(
        503,
        {
          code: 'unavailable',
          message:
            workers.length === 0
              ? 'no worker is running right now; try again shortly'
              : `no live worker has toolchain ${version} (workers have: ${offered().join(', ')})`,
        },
        NO_WORKER_RETRY_AFTER,
      ),
    queueFull(maxWaiting) {
      if (waiting < maxWaiting) return undefined;
      const perWorker = Math.max(
        1,
        workers.reduce((n, w) => n + Math.max(1, w.busy), 0),
      );
      const retryAfter = Math.max(1, Math.ceil(waiting / perWorker));
      return new ApiFailure(
        429,
        {
          code: 'queue_full',
          message: `the service is busy (${waiting} requests waiting); retry in ${retryAfter} s`,
        },
        retryAfter,
      );
    },
    close: () => clearInterval(poll),
  };
}
