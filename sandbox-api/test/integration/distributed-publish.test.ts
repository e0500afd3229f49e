/**
 * The worker → API shortcut (`distributed/result-channel.ts`) against a real redis-server,
 * with a hand-driven BullMQ worker standing in for a worker host so the test decides when each
 * job publishes and when it completes: a published result answers exactly the request waiting
 * for that job, before BullMQ has completed it; garbage on the channel is ignored; a job whose
 * publish never came is still answered from its returnvalue (the completed event).
 */
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cacheKey } from '../../src/cache-key.ts';
import { createRedisBackend } from '../../src/distributed/redis-backend.ts';
import type { JobResult } from '../../src/distributed/job-wire.ts';
import { publishResult } from '../../src/distributed/result-channel.ts';
import { KEYS, queueName } from '../../src/distributed/settings.ts';
import { announceWorker } from '../../src/distributed/worker-registry.ts';
import { ApiFailure } from '../../src/errors.ts';
import type { JobBackend, JobSpec } from '../../src/job-backend.ts';
import { AnalyzeRequestSchema } from '../../src/protocol.ts';
import { startRedis, type Running } from '../support/data-services.ts';

let redis: Running;
let client: Redis;
let backend: JobBackend;
let worker: Worker;
let host: { stop(): Promise<void> };
/** Jobs the fake worker holds, by id, until the test lets them complete. */
const held = new Map<string, { job: Job; complete: (r: JobResult) => void }>();

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
  host = announceWorker(client, () => ({
    id: 'hand-driven',
    host: 'test',
    toolchains: ['go1.26.8'],
    busy: 0,
    jobs: 0,
  }));
  worker = new Worker(
    queueName('go1.26.8'),
    (job: Job) => new Promise<JobResult>((complete) => held.set(job.id!, { job, complete })),
    { connection: { url: redis.url }, concurrency: 4 },
  );
  await worker.waitUntilReady();
  backend = await createRedisBackend({ url: redis.url, maxWaiting: 50, log: () => {} });
  for (let i = 0; backend.queueStats().workers !== 1; i++) {
    if (i > 100) throw new Error('the heartbeat never showed up');
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await worker?.close(true);
  await host?.stop();
  await backend?.close();
  client?.disconnect();
  await redis?.stop();
});

let seq = 0;
function spec(): JobSpec {
  const files = [{ name: 'main.go', content: `package main\n\nfunc main() {}\n// p${++seq}\n` }];
  const req = AnalyzeRequestSchema.parse({ files });
  return { key: cacheKey(req, files, 'go1.26.8'), req, files, version: 'go1.26.8' };
}
const neverLocal = (): Promise<never> => Promise.reject(new Error('ran locally'));
/** A refusal is a complete JobResult that is easy to tell apart by its message. */
const answer = (message: string): JobResult => ({
  ok: false,
  status: 503,
  body: { code: 'unavailable', message },
});

/** Settles to the failure's message, and records when it settled. */
function track(p: Promise<unknown>): { message: Promise<string>; settled: () => boolean } {
  let done = false;
  const message = p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof ApiFailure ? e.body.message : String(e)),
  );
  void message.finally(() => (done = true));
  return { message, settled: () => done };
}

it('a published result answers exactly the request waiting for that job, before BullMQ completes it', async () => {
  const [a, b] = [spec(), spec()];
  const ra = track(backend.run(a, neverLocal));
  const rb = track(backend.run(b, neverLocal));
  await expect.poll(() => held.has(a.key) && held.has(b.key), { timeout: 5_000 }).toBe(true);
  // Garbage on A's channel (not JSON, then not a JobResult) answers nobody.
  await client.publish(KEYS.done(a.key), 'not json');
  await client.publish(KEYS.done(a.key), JSON.stringify({ ok: true }));
  await publishResult(client, a.key, answer('answer for A'));
  await expect.poll(ra.settled, { timeout: 5_000 }).toBe(true);
  expect(await ra.message).toBe('answer for A');
  // A is still running as far as BullMQ knows, and B heard nothing.
  expect(await held.get(a.key)!.job.getState()).toBe('active');
  expect(rb.settled()).toBe(false);
  await publishResult(client, b.key, answer('answer for B'));
  expect(await rb.message).toBe('answer for B');
  held.get(a.key)!.complete(answer('answer for A'));
  held.get(b.key)!.complete(answer('answer for B'));
});

it('a job whose publish was lost is answered from its returnvalue (the completed event)', async () => {
  const s = spec();
  const r = track(backend.run(s, neverLocal));
  await expect.poll(() => held.has(s.key), { timeout: 5_000 }).toBe(true);
  held.get(s.key)!.complete(answer('from the job itself'));
  expect(await r.message).toBe('from the job itself');
});
