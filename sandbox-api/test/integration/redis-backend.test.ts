/**
 * The API side of distributed mode against a real redis-server, with a worker that only
 * heartbeats (a host that is alive but never free): back-pressure from the shared queue depth,
 * and a waiting job whose workers all leave; the event stream an API node's queue keeps stays
 * bounded however many results pass through it.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cacheKey } from '../../src/cache-key.ts';
import { createRedisBackend } from '../../src/distributed/redis-backend.ts';
import { EVENTS_MAX_LEN, queueName } from '../../src/distributed/settings.ts';
import { toolchainQueues } from '../../src/distributed/toolchain-queues.ts';
import { announceWorker } from '../../src/distributed/worker-registry.ts';
import type { JobBackend, JobSpec } from '../../src/job-backend.ts';
import { AnalyzeRequestSchema } from '../../src/protocol.ts';
import { ApiFailure } from '../../src/errors.ts';
import { startRedis, type Running } from '../support/data-services.ts';

let redis: Running;
let client: Redis;
let backend: JobBackend;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
  backend = await createRedisBackend({ url: redis.url, maxWaiting: 2, log: () => {} });
});

afterAll(async () => {
  await backend?.close();
  client?.disconnect();
  await redis?.stop();
});

let seq = 0;
function spec(): JobSpec {
  const files = [{ name: 'main.go', content: `package main\n\nfunc main() {}\n// ${++seq}\n` }];
  const req = AnalyzeRequestSchema.parse({ files });
  return { key: cacheKey(req, files, 'go1.26.8'), req, files, version: 'go1.26.8' };
}
const neverLocal = (): Promise<never> => Promise.reject(new Error('ran locally'));

async function failureOf(p: Promise<unknown>): Promise<ApiFailure> {
  const e = await p.then(
    () => new Error('expected a failure'),
    (x: unknown) => x,
  );
  if (!(e instanceof ApiFailure)) throw e as Error;
  return e;
}

it('a full shared queue answers 429 with Retry-After; a worker that leaves fails waiting jobs with 503', async () => {
  const busyHost = announceWorker(client, () => ({
    id: 'busy-host',
    host: 'test',
    toolchains: ['go1.26.8'],
    busy: 1,
    jobs: 0,
  }));
  await expect.poll(() => backend.queueStats().workers, { timeout: 5_000 }).toBe(1);
  // Nobody takes these: they sit in the shared queue.
  const waiting = [spec(), spec()].map((s) => failureOf(backend.run(s, neverLocal)));
  await expect.poll(() => backend.queueStats().waiting, { timeout: 5_000 }).toBe(2);
  const full = await failureOf(backend.run(spec(), neverLocal));
  expect(full.status).toBe(429);
  expect(full.body.code).toBe('queue_full');
  expect(full.retryAfter).toBeGreaterThan(0);

  const left = performance.now();
  await busyHost.stop();
  for (const f of await Promise.all(waiting)) {
    expect(f.status).toBe(503);
    expect(f.body.message).toContain('no worker');
  }
  // Within a few seconds of the last worker leaving, never a hang.
  expect(performance.now() - left).toBeLessThan(5_000);
  // The abandoned jobs were removed, so a worker arriving later does not run them for nobody.
  const queue = new Queue(queueName('go1.26.8'), { connection: client });
  expect(await queue.getWaitingCount()).toBe(0);
  await queue.close();
});

it("the event stream of an API node's queue keeps about EVENTS_MAX_LEN entries, not BullMQ's 10,000", async () => {
  const queues = toolchainQueues(client);
  const name = queueName('go-events-bound');
  const { queue } = await queues.queueFor('go-events-bound');
  // Each job leaves several events (added, waiting, active, completed), each completed one with
  // the job's result: enough jobs for well over twice the bound.
  const jobs = EVENTS_MAX_LEN;
  const result = 'x'.repeat(1024);
  const worker = new Worker(name, () => Promise.resolve(result), {
    connection: client,
    concurrency: 50,
  });
  try {
    await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: 'j', data: { i } })));
    await expect
      .poll(() => queue.getCompletedCount(), { timeout: 60_000, interval: 100 })
      .toBe(jobs);
    const events = await client.xlen(`bull:${name}:events`);
    const added = Number(
      await client.xinfo('STREAM', `bull:${name}:events`).then((info) => {
        const fields = info as unknown[];
        return fields[fields.indexOf('entries-added') + 1];
      }),
    );
    expect(added).toBeGreaterThan(3 * EVENTS_MAX_LEN);
    // Redis trims whole stream nodes (100 entries by default), so the bound is approximate.
    expect(events).toBeLessThanOrEqual(EVENTS_MAX_LEN + 200);
  } finally {
    await worker.close();
    await queues.close();
  }
});
