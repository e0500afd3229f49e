import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { EVENTS_MAX_LEN, queueName } from './settings.ts';

export interface ToolchainQueue {
  queue: Queue;
  events: QueueEvents;
}

export interface ToolchainQueues {
  /** The queue of `version` and its event stream, ready to use (created on first use). */
  queueFor(version: string): Promise<ToolchainQueue>;
  close(): Promise<void>;
}

/**
 * An API node's BullMQ handles: one queue per toolchain (a worker consumes only the queues of
 * toolchains it has), on the node's shared connection; QueueEvents opens its own, since it
 * blocks reading the event stream.
 */
export function toolchainQueues(redis: Redis): ToolchainQueues {
  const queues = new Map<string, ToolchainQueue>();
  return {
    async queueFor(version) {
      let q = queues.get(version);
      if (!q) {
        const name = queueName(version);
        q = {
          queue: new Queue(name, {
            connection: redis,
            streams: { events: { maxLen: EVENTS_MAX_LEN } },
          }),
          events: new QueueEvents(name, { connection: redis }),
        };
        // Every waiting request listens for the queue closing: as many as maxWaiting at once.
        q.queue.setMaxListeners(0);
        q.events.setMaxListeners(0);
        // Connection errors are logged once per client by the node's `redis` handler.
        q.queue.on('error', () => undefined);
        q.events.on('error', () => undefined);
        queues.set(version, q);
      }
      await q.events.waitUntilReady();
      return q;
    },
    async close() {
      for (const { queue, events } of queues.values()) {
        await events.close();
        await queue.close();
      }
    },
  };
}
