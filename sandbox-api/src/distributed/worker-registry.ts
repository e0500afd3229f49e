import type { Redis } from 'ioredis';
import { KEYS, HEARTBEAT_MS, WORKER_TTL_MS } from './settings.ts';
import { WorkerInfoSchema, type WorkerInfo } from './job-wire.ts';

/**
 * Worker liveness without clocks: each worker keeps `gml:worker:<id>` alive with a short TTL
 * and lists its id in the `gml:workers` set. A worker whose key expired (SIGKILL, lost host)
 * is dropped from the set by the next reader.
 */
export function announceWorker(
  redis: Redis,
  info: () => WorkerInfo,
): { now(): void; stop(): Promise<void> } {
  const beat = async (): Promise<void> => {
    const now = info();
    await redis
      .multi()
      .sadd(KEYS.workers, now.id)
      .set(KEYS.worker(now.id), JSON.stringify(now), 'PX', WORKER_TTL_MS)
      .exec();
  };
  let stopped = false;
  const timer = setInterval(() => {
    if (!stopped) beat().catch(() => undefined);
  }, HEARTBEAT_MS);
  void beat().catch(() => undefined);
  return {
    /** An extra beat when the load changes, so health shows a job starting without delay. */
    now() {
      if (!stopped) beat().catch(() => undefined);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      const id = info().id;
      await redis.multi().srem(KEYS.workers, id).del(KEYS.worker(id)).exec();
    },
  };
}

/** Reads the live workers (validated), forgetting the ones whose heartbeat expired. */
export async function liveWorkers(redis: Redis): Promise<WorkerInfo[]> {
  const ids = await redis.smembers(KEYS.workers);
  if (ids.length === 0) return [];
  const raw = await redis.mget(ids.map((id) => KEYS.worker(id)));
  const live: WorkerInfo[] = [];
  const gone: string[] = [];
  raw.forEach((text, i) => {
    const parsed = text === null ? undefined : WorkerInfoSchema.safeParse(JSON.parse(text));
    if (parsed?.success) live.push(parsed.data);
    else gone.push(ids[i]!);
  });
  if (gone.length > 0) await redis.srem(KEYS.workers, ...gone);
  return live;
}
