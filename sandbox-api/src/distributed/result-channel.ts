import type { Redis } from 'ioredis';
import { JobResultSchema, type JobResult } from './job-wire.ts';
import { KEYS, RESULT_TTL_SECONDS } from './settings.ts';
import type { SpanSink } from './spans.ts';

/**
 * Worker → waiting API nodes, directly. A worker PUBLISHes a finished job's result on the
 * job's own channel before handing it to BullMQ, so the waiting request is answered one Redis
 * hop after the job ends rather than after BullMQ's completion script and the next read of the
 * queue's event stream (docs/ARCHITECTURE.md). The publish is a shortcut, not the record: a
 * node that subscribed too late, or lost its connection, still gets the job's returnvalue
 * through the completed event, and a node that joins later reads the job or the shared cache.
 *
 * Written on the worker's BullMQ connection and not awaited: Redis runs one connection's
 * commands in order, so the cache entry and the publish land before BullMQ's own completion of
 * the job, which follows on the same connection.
 */
export function publishResult(redis: Redis, key: string, result: JobResult): Promise<unknown> {
  const batch = redis.pipeline();
  // The shared cache first: a node answered by the publish finds the entry for its next request.
  if (result.ok && result.cacheable) {
    batch.set(KEYS.result(key), JSON.stringify(result.response), 'EX', RESULT_TTL_SECONDS);
  }
  batch.publish(KEYS.done(key), JSON.stringify(result));
  return batch.exec();
}

export interface ResultListener {
  /**
   * Subscribes to the job `key`'s channel. `result` resolves with the first valid result
   * published there (never rejects; garbage is ignored, so the completed event answers).
   */
  listen(key: string): { result: Promise<JobResult>; stop(): void };
  close(): void;
}

/** One subscriber connection per API node, a channel per job this node waits for. */
export function resultListener(redis: Redis, onSpan?: SpanSink): ResultListener {
  const sub = redis.duplicate();
  // Connection errors are logged once by the main client's handler.
  sub.on('error', () => undefined);
  const waiting = new Map<string, { key: string; resolve: (r: JobResult) => void }>();
  sub.on('message', (channel: string, message: string) => {
    const w = waiting.get(channel);
    if (!w) return;
    const start = performance.now();
    let parsed: ReturnType<typeof JobResultSchema.safeParse>;
    try {
      parsed = JobResultSchema.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    if (!parsed.success) return;
    onSpan?.({ step: 'api.result', key: w.key, start, end: performance.now() });
    w.resolve(parsed.data);
  });
  return {
    listen(key) {
      const channel = KEYS.done(key);
      let resolve!: (r: JobResult) => void;
      const result = new Promise<JobResult>((r) => (resolve = r));
      const entry = { key, resolve };
      waiting.set(channel, entry);
      // Not awaited: the job takes far longer than a SUBSCRIBE, and a late one only means the
      // completed event answers instead.
      sub.subscribe(channel).catch(() => undefined);
      return {
        result,
        stop() {
          if (waiting.get(channel) !== entry) return;
          waiting.delete(channel);
          sub.unsubscribe(channel).catch(() => undefined);
        },
      };
    },
    close() {
      sub.disconnect();
    },
  };
}
