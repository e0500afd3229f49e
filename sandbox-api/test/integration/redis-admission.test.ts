/**
 * Per-client fairness across API nodes on a real redis-server: each "node" is its own
 * ClientAdmission with its own Redis connection, as two processes would be. A client at its
 * limit on one node is refused on the other; a node that dies holding places frees them when
 * its leases lapse.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientAdmission } from '../../src/admission/client-admission.ts';
import { redisAdmission, type RedisAdmission } from '../../src/distributed/redis-admission.ts';
import { ApiFailure } from '../../src/errors.ts';
import { startRedis, type Running } from '../support/data-services.ts';

let redis: Running;
const clients: Redis[] = [];
const nodes: RedisAdmission[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const n of nodes) n.close();
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

async function node(leaseMs?: number): Promise<RedisAdmission> {
  const client = new Redis(redis.url);
  await client.ping();
  clients.push(client);
  const n = redisAdmission(client, new ClientAdmission(2), leaseMs ? { leaseMs } : {});
  nodes.push(n);
  return n;
}

async function refusal(p: Promise<unknown>): Promise<ApiFailure> {
  const e = await p.then(
    () => new Error('expected a 429'),
    (x: unknown) => x,
  );
  if (!(e instanceof ApiFailure)) throw e as Error;
  return e;
}

it("counts a client's requests on every node: its third place anywhere is a 429", async () => {
  const [a, b] = [await node(), await node()];
  const releaseA = await a.acquire('198.51.100.7');
  await b.acquire('198.51.100.7');
  // Each node alone holds one of two: only the shared count can refuse this.
  const e = await refusal(Promise.resolve(b.acquire('198.51.100.7')));
  expect(e.status).toBe(429);
  expect(e.body.code).toBe('client_busy');
  expect(e.body.message).toContain('2 requests running');
  expect(e.retryAfter).toBeGreaterThanOrEqual(1);
  // Another client is not affected, and a place freed on A is free on B.
  await b.acquire('198.51.100.8');
  releaseA();
  await expect(Promise.resolve(b.acquire('198.51.100.7'))).resolves.toBeTypeOf('function');
});

it('a node that dies holding places frees them when its leases lapse', async () => {
  const crashed = await node(600);
  const survivor = await node();
  await crashed.acquire('198.51.100.9');
  await crashed.acquire('198.51.100.9');
  // The node dies: no release, no renewal.
  crashed.close();
  clients.at(-2)!.disconnect();
  expect((await refusal(Promise.resolve(survivor.acquire('198.51.100.9')))).status).toBe(429);
  await expect
    .poll(
      async () =>
        Promise.resolve(survivor.acquire('198.51.100.9')).then(
          () => 'admitted',
          () => 'refused',
        ),
      { timeout: 5_000, interval: 100 },
    )
    .toBe('admitted');
});

it('a live node renews its leases, so a long request keeps its place', async () => {
  const a = await node(300);
  const b = await node(300);
  await a.acquire('198.51.100.10');
  await a.acquire('198.51.100.10');
  // Three lease lengths later the requests still run, and still count.
  await new Promise((r) => setTimeout(r, 900));
  expect((await refusal(Promise.resolve(b.acquire('198.51.100.10')))).status).toBe(429);
});
