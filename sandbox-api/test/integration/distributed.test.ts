/**
 * Distributed mode on real engines: a real redis-server and Postgres on free ports, two worker
 * hosts as child processes (`npm run worker`), and two API nodes (role `api`) in this process.
 * Tests run in order: each leaves the cluster in the state the next one starts from.
 */
import fs from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueName } from '../../src/distributed/settings.ts';
import { API_PREFIX, HealthResponseSchema, type AnalyzeRequest } from '../../src/protocol.ts';
import { freePort, startPostgres, startRedis, type Running } from '../support/data-services.ts';
import { errorOf } from '../support/http-app.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';
import {
  health,
  jobsOf,
  ok,
  post,
  settled,
  sleeper,
  startApiNode,
  totalJobs,
  type ApiNode,
} from '../support/api-node.ts';

/** Health follows heartbeats on a shared 2-core machine: give polls room. */
const POLL = { timeout: 15_000, interval: 200 };

/** Makes each program of this file distinct, so none is answered from an earlier cache entry. */
let seq = 0;
let redis: Running;
let pg: Running;
let a: ApiNode;
let b: ApiNode;
let w1: WorkerProcess;
let w2: WorkerProcess;
/** w2 was started with GML_PORT: it answers its own health there. */
let w2Port: number;
/** A result only node A ever asked for (for the "cached on B with no worker" test). */
let computedOnA: AnalyzeRequest;
let redisStopped = false;

/** Closing BullMQ clients whose Redis is gone can wait on reconnects: bound it. */
const bounded = (p: Promise<unknown>): Promise<unknown> =>
  Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);

beforeAll(async () => {
  [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
  a = await startApiNode(redis.url, pg.url);
  b = await startApiNode(redis.url, pg.url);
  w1 = await startWorkerProcess(redis.url);
  w2Port = await freePort();
  w2 = await startWorkerProcess(redis.url, { GML_PORT: String(w2Port) });
  // expect.poll belongs to tests: wait for both heartbeats by hand here.
  for (let i = 0; (await health(a)).workers?.length !== 2; i++) {
    if (i > 100) throw new Error('the two workers never showed up in health');
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterEach((ctx) => {
  // A failure here is usually explained by what a worker printed.
  if (ctx.task.result?.state === 'fail') {
    for (const w of [w1, w2]) console.log(`--- worker ${w.id}\n${w.output()}`);
  }
});

afterAll(async () => {
  for (const w of [w1, w2]) if (w && w.child.exitCode === null) w.child.kill('SIGKILL');
  for (const n of [a, b]) {
    if (!n) continue;
    await bounded(n.service.close());
    await bounded(n.wiring.close());
    fs.rmSync(n.dir, { recursive: true, force: true });
  }
  if (!redisStopped) await redis?.stop();
  await pg?.stop();
});

describe('distributed mode (Redis queue, Postgres store, worker hosts)', () => {
  it('health on an API node names the redis backend and the live workers', async () => {
    const h = await health(a);
    expect(h.queue.backend).toBe('redis');
    // The API node warms nothing itself: its default toolchain is ready because workers offer it.
    expect(h.status).toBe('ok');
    expect(h.problems).toEqual([]);
    const ids = h.workers!.map((w) => w.id).sort();
    expect(ids).toEqual([w1.id, w2.id].sort());
    for (const w of h.workers!) expect(w.toolchains).toContain(a.service.toolchains().default);
  });

  it('a worker started with GML_PORT answers its own health and metrics', async () => {
    const res = await fetch(`http://127.0.0.1:${w2Port}${API_PREFIX}/health`);
    const h = HealthResponseSchema.parse(await res.json());
    expect(h.workers?.map((w) => w.id)).toEqual([w2.id]);
    const metrics = await fetch(`http://127.0.0.1:${w2Port}/metrics`);
    expect(await metrics.text()).toContain('gml_job_duration_seconds');
  });

  it('two workers both serve distinct programs', async () => {
    const before = await settled(a);
    const reqs = Array.from({ length: 6 }, () => sleeper(800));
    const results = await Promise.all(reqs.map(async (r) => ok(await post(a, r))));
    for (const r of results) {
      expect(r.ok).toBe(true);
      expect(r.cached).toBe(false);
    }
    // Six distinct programs, six distinct runs.
    expect(new Set(results.map((r) => r.run!.stdout.text)).size).toBe(6);
    const after = await settled(a);
    const ran = [w1, w2].map((w) => jobsOf(after, w.id) - jobsOf(before, w.id));
    expect(ran[0]).toBeGreaterThan(0);
    expect(ran[1]).toBeGreaterThan(0);
    expect(ran[0]! + ran[1]!).toBe(6);
  });

  it('the same program sent to two API nodes at once runs once; both get its result', async () => {
    const req = sleeper(600);
    const before = await settled(a);
    const [ra, rb] = await Promise.all([post(a, req).then(ok), post(b, req).then(ok)]);
    expect(ra.run!.stdout.text).toBe(rb.run!.stdout.text);
    expect(totalJobs(await settled(a)) - totalJobs(before)).toBe(1);
  });

  it('a compile error is answered once and never retried', async () => {
    const before = await settled(a);
    const res = await ok(
      await post(a, {
        files: [
          { name: 'main.go', content: `package main\n\nfunc main() { x := }\n// ${++seq}\n` },
        ],
      }),
    );
    expect(res.ok).toBe(false);
    expect(res.compileErrors.length).toBeGreaterThan(0);
    expect(totalJobs(await settled(a)) - totalJobs(before)).toBe(1);
  });

  it('a build computed via node A is stored in the shared cache', async () => {
    computedOnA = {
      files: [{ name: 'main.go', content: `package main\n\nfunc main() {}\n// ${++seq}\n` }],
    };
    const first = await ok(await post(a, computedOnA));
    expect(first.cached).toBe(false);
    expect((await ok(await post(a, computedOnA))).cached).toBe(true);
  });

  it('a job whose toolchain no worker has is a 503 naming the toolchain', async () => {
    const res = await post(a, { ...sleeper(1), toolchain: 'go1.19.13' });
    const { status, error } = await errorOf(res);
    expect(status).toBe(503);
    expect(error.message).toContain('go1.19.13');
    expect(res.headers.get('Retry-After')).not.toBeNull();
  });

  it('a worker SIGKILLed mid-job: the job is retried on the other worker and succeeds', async () => {
    const pending = post(a, sleeper(2_500));
    // The worker running it shows busy in its heartbeat.
    let victim: WorkerProcess | undefined;
    await expect
      .poll(async () => {
        const h = await health(a);
        const busy = h.workers?.find((w) => w.busy > 0);
        victim = busy?.id === w1.id ? w1 : busy?.id === w2.id ? w2 : undefined;
        return victim !== undefined;
      }, POLL)
      .toBe(true);
    const killedAt = performance.now();
    victim!.child.kill('SIGKILL');
    const res = await ok(await pending);
    const recoveredMs = performance.now() - killedAt;
    console.log(`recovery after SIGKILL: ${recoveredMs.toFixed(0)} ms (job sleeps 2500 ms)`);
    expect(res.ok).toBe(true);
    expect(res.run!.exitCode).toBe(0);
    // Keep the survivor as w1 for the tests below.
    if (victim === w1) [w1, w2] = [w2, w1];
    await expect.poll(async () => (await health(a)).workers?.length, POLL).toBe(1);
  });

  it('a share link made on node A opens on node B (Postgres)', async () => {
    const state = {
      v: 1,
      a: {
        files: [{ name: 'main.go', content: `package main\n\nfunc main() {}\n// ${++seq}\n` }],
        mode: 'build',
        escapeDetail: 2,
        inline: true,
        env: {},
      },
    };
    const made = await a.app.request(`${API_PREFIX}/share`, {
      method: 'POST',
      body: JSON.stringify({ state }),
      headers: { 'content-type': 'application/json' },
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const opened = await b.app.request(`${API_PREFIX}/share/${id}`);
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as { id: string; state: typeof state };
    expect(body.id).toBe(id);
    expect(body.state.a.files[0]!.content).toBe(state.a.files[0]!.content);
    // The same state shared on B is the same link, already there.
    const again = await b.app.request(`${API_PREFIX}/share`, {
      method: 'POST',
      body: JSON.stringify({ state }),
      headers: { 'content-type': 'application/json' },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(id);
  });

  it('a class made on node A is joined on node B and its dashboard on A shows the learner (Postgres)', async () => {
    const made = await a.app.request(`${API_PREFIX}/classes`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Room across nodes', exercises: ['return-by-value'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(made.status).toBe(201);
    const { id, dashboardUrl } = (await made.json()) as { id: string; dashboardUrl: string };
    const key = new URL(dashboardUrl, 'http://x').searchParams.get('key')!;
    const joined = await b.app.request(`${API_PREFIX}/classes/${id}/learners`, {
      method: 'POST',
      body: JSON.stringify({ name: '李娜', token: `tok-across-nodes-${seq}-000000` }),
      headers: { 'content-type': 'application/json' },
    });
    expect(joined.status).toBe(201);
    const dash = await a.app.request(`${API_PREFIX}/classes/${id}/dashboard?key=${key}`);
    expect(dash.status).toBe(200);
    const body = (await dash.json()) as { learners: { name: string }[] };
    expect(body.learners.map((l) => l.name)).toEqual(['李娜']);
  });

  it('graceful shutdown: a SIGTERMed worker finishes its running job, then leaves', async () => {
    const req = sleeper(1_500);
    const pending = post(a, req);
    // SIGTERM only once BullMQ has handed this very job to a worker: health's busy count and
    // active-job count can still describe the previous test's job for up to a heartbeat, and
    // a SIGTERM then would catch the new job waiting, not running (it then gets a 503).
    const queue = new Queue(queueName(a.service.toolchains().default), {
      connection: { url: redis.url },
    });
    try {
      await expect
        .poll(
          async () =>
            (await queue.getActive()).some(
              (j) =>
                (j.data as { files?: { content: string }[] }).files?.[0]?.content ===
                req.files![0]!.content,
            ),
          POLL,
        )
        .toBe(true);
    } finally {
      await queue.close();
    }
    w1.child.kill('SIGTERM');
    const res = await ok(await pending);
    expect(res.run!.exitCode).toBe(0);
    expect(await w1.exited).toBe(0);
    await expect.poll(async () => (await health(a)).workers, POLL).toEqual([]);
  });

  it('with no live worker a new request gets 503 with Retry-After within seconds', async () => {
    const t0 = performance.now();
    const res = await post(b, sleeper(1));
    const { status, error } = await errorOf(res);
    expect(status).toBe(503);
    expect(error.code).toBe('unavailable');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('a result computed via node A is served cached by node B with no worker left', async () => {
    const res = await ok(await post(b, computedOnA));
    expect(res.cached).toBe(true);
    expect(res.ok).toBe(true);
    const metrics = await (await b.app.request('/metrics')).text();
    expect(metrics).toMatch(/gml_cache_requests_total\{level="shared"\} 1\b/);
    expect(metrics).toMatch(/gml_workers 0\b/);
  });

  it('with Redis gone, new jobs get 503 at once and cached results are still served', async () => {
    await redis.stop();
    redisStopped = true;
    const t0 = performance.now();
    const res = await post(b, sleeper(1));
    const { status, error } = await errorOf(res);
    expect(status).toBe(503);
    expect(error.code).toBe('unavailable');
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect((await ok(await post(b, computedOnA))).cached).toBe(true);
  });
});
