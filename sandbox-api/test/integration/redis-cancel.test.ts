/**
 * Distributed mode, a client that leaves before its job starts (real redis-server; a worker
 * that only heartbeats, so jobs wait): the job stays while any client on any API node still
 * waits for it (single-flight shares it), and is removed from the queue when the last leaves.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cacheKey } from '../../src/cache-key.ts';
import { createRedisBackend } from '../../src/distributed/redis-backend.ts';
import { queueName } from '../../src/distributed/settings.ts';
import { announceWorker } from '../../src/distributed/worker-registry.ts';
import { ApiFailure } from '../../src/errors.ts';
import type { JobBackend, JobSpec } from '../../src/job-backend.ts';
import { AnalyzeRequestSchema } from '../../src/protocol.ts';
import { startRedis, type Running } from '../support/data-services.ts';

let redis: Running;
let client: Redis;
let queue: Queue;
let nodeA: JobBackend;
let nodeB: JobBackend;
let host: { stop(): Promise<void> };

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = new Queue(queueName('go1.26.8'), { connection: { url: redis.url } });
  host = announceWorker(client, () => ({
    id: 'idle-host',
    host: 'test',
    toolchains: ['go1.26.8'],
    busy: 1,
    jobs: 0,
  }));
  nodeA = await createRedisBackend({ url: redis.url, maxWaiting: 50, log: () => {} });
  nodeB = await createRedisBackend({ url: redis.url, maxWaiting: 50, log: () => {} });
  for (const n of [nodeA, nodeB]) {
    for (let i = 0; n.queueStats().workers !== 1; i++) {
      if (i > 100) throw new Error('the heartbeat never showed up');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

afterAll(async () => {
  await host?.stop();
  await nodeA?.close();
  await nodeB?.close();
  await queue?.close();
  client?.disconnect();
  await redis?.stop();
});

let seq = 0;
function spec(): JobSpec {
  const files = [{ name: 'main.go', content: `package main\n\nfunc main() {}\n// c${++seq}\n` }];
  const req = AnalyzeRequestSchema.parse({ files });
  return { key: cacheKey(req, files, 'go1.26.8'), req, files, version: 'go1.26.8' };
}
const neverLocal = (): Promise<never> => Promise.reject(new Error('ran locally'));
const waiting = async (key: string) => (await queue.getJob(key))?.getState() ?? 'gone';

async function statusOf(p: Promise<unknown>): Promise<number> {
  const e = await p.then(
    () => new Error('expected a failure'),
    (x: unknown) => x,
  );
  if (!(e instanceof ApiFailure)) throw e as Error;
  return e.status;
}

it('two clients on one node share the job: the first leaving keeps it, the last removes it', async () => {
  const s = spec();
  const [c1, c2] = [new AbortController(), new AbortController()];
  const p1 = nodeA.run(s, neverLocal, c1.signal);
  const p2 = nodeA.run(s, neverLocal, c2.signal);
  await expect.poll(() => waiting(s.key), { timeout: 5_000 }).toBe('waiting');
  c1.abort();
  await new Promise((r) => setTimeout(r, 300));
  expect(await waiting(s.key)).toBe('waiting');
  c2.abort();
  expect(await statusOf(p2)).toBe(499);
  expect(await statusOf(p1)).toBe(499);
  await expect.poll(() => waiting(s.key), { timeout: 5_000 }).toBe('gone');
});

it('a client still waiting on another node keeps the job; when it leaves too, the job goes', async () => {
  const s = spec();
  const [onA, onB] = [new AbortController(), new AbortController()];
  const pa = nodeA.run(s, neverLocal, onA.signal);
  await expect.poll(() => waiting(s.key), { timeout: 5_000 }).toBe('waiting');
  const pb = nodeB.run(s, neverLocal, onB.signal);
  await expect.poll(() => client.get(`gml:waiters:${s.key}`), { timeout: 5_000 }).toBe('2');
  onA.abort();
  expect(await statusOf(pa)).toBe(499);
  await new Promise((r) => setTimeout(r, 300));
  expect(await waiting(s.key)).toBe('waiting');
  onB.abort();
  expect(await statusOf(pb)).toBe(499);
  await expect.poll(() => waiting(s.key), { timeout: 5_000 }).toBe('gone');
});
