/**
 * The distributed row of `npm run bench:api`: the same cache-miss build through Redis (BullMQ)
 * and worker hosts instead of the in-process pool, on a throwaway redis-server. The latency
 * rows use one worker host in its own process, as deployed (an in-process one shares the API
 * node's event loop, and its synchronous sandbox work would count as Redis overhead). For
 * throughput, worker hosts run in this process with one job at a time each, so "2 workers vs
 * 1" shows how the shared queue spreads work, not how many cores this machine has. The overhead is broken down by step
 * from the spans the API node and the worker host record (`distributed/spans.ts`).
 *
 * Alone, without the rest of bench:api: node scripts/bench-distributed.ts [--runs 15] [--jobs 20]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRedisBackend } from '../sandbox-api/src/distributed/redis-backend.ts';
import type { Span } from '../sandbox-api/src/distributed/spans.ts';
import { startWorkerHost, type WorkerHost } from '../sandbox-api/src/distributed/worker-host.ts';
import type { AnalyzeRequest, AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { AnalyzeRequestSchema } from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';
import { createService } from '../sandbox-api/src/service.ts';
import { startRedis } from '../sandbox-api/test/support/data-services.ts';
import { redisPathAlone, type PathAlone } from './bench-distributed-path.ts';
import { admissionRoundTrip, forkWorker, noopRoundTrip } from './bench-distributed-parts.ts';

export interface DistributedFigures {
  missP50: number;
  missP95: number;
  /** p50 of (total − compile/link/run) per request: what the path around the toolchain costs. */
  embeddedOverheadP50: number;
  redisOverheadP50: number;
  /**
   * p50 per request of what the Redis path adds: from the shared cache read to the result in
   * the API node, less the worker's run of the job (what the embedded mode runs in-process).
   * The same request on both sides, so compile-time swings do not enter it.
   */
  pathOverheadP50: number;
  /** p50 of each step of a miss through Redis, in path order (`breakdown` below). */
  steps: { label: string; p50: number }[];
  /** How many distributed misses the worker's publish answered, and how many the event. */
  answeredBy: { publish: number; event: number };
  /** A cross-node admission lease (HTTP requests only): acquire + release. */
  admissionP50: number;
  /** A no-op job through the same Redis: the floor of what the queue adds. */
  noopRoundTripP50: number;
  /** The whole Redis path with jobs that answer at once: awake, and after idling. */
  alone?: PathAlone;
  oneWorkerPerSecond: number;
  twoWorkersPerSecond: number;
}

type Pct = (xs: number[], p: number) => number;

/**
 * A pause between the interleaved requests, the same before each mode: a job's sandbox is
 * still being torn down for a moment after its answer, and the next request should not be
 * measured against that on two cores.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

/** Distinct misses sent through the worker host before anything is measured. */
const WARM_JOBS = 20;

/** Undefined when this machine has no redis-server (the row is then skipped). */
export async function benchDistributed(opts: {
  runs: number;
  jobs: number;
  request: () => AnalyzeRequest;
  /** The embedded service of the same run, called in turn with the distributed one. */
  embedded: (req: AnalyzeRequest) => Promise<AnalyzeResponse>;
  pct: Pct;
}): Promise<DistributedFigures | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const redis = await startRedis();
  const log = (): void => {};
  let spans: Span[] = [];
  const onSpan = (s: Span): void => void spans.push(s);
  const backend = await createRedisBackend({ url: redis.url, maxWaiting: 1_000, log, onSpan });
  const api = await createService({ log }, { backend });
  const workerService = await createService({ warmAtStart: true, log });
  const hosts: WorkerHost[] = [];
  const worker = await forkWorker(redis.url, (s) => spans.push(s));
  // The API node sees a worker once its first heartbeat is read.
  while (api.health().workers?.length !== 1) await new Promise((r) => setTimeout(r, 50));
  const analyze = (): Promise<AnalyzeResponse> =>
    api.analyze(AnalyzeRequestSchema.parse(opts.request()));
  // Compile times on a shared machine swing by hundreds of ms; what the queue adds is the
  // time outside the toolchain's steps, measured per request in both modes, interleaved.
  const toolchain = (r: AnalyzeResponse): number =>
    r.timing.compileMs + r.timing.linkMs + r.timing.runMs;
  const outside = (r: AnalyzeResponse): number => r.timing.totalMs - toolchain(r);
  try {
    // The worker host is a fresh process: let V8 optimise its job path (parse, validation,
    // publish) as a long-running worker's would be, before its figures are compared with the
    // embedded service of this run, which has already served every row above.
    for (let i = 0; i < WARM_JOBS; i++) await analyze();
    const xs: number[] = [];
    const overRedis: number[] = [];
    const overEmbedded: number[] = [];
    const perStep = new Map<string, number[]>();
    const answeredBy = { publish: 0, event: 0 };
    const path: number[] = [];
    let last: AnalyzeResponse | undefined;
    for (let i = 0; i < opts.runs; i++) {
      overEmbedded.push(outside(await opts.embedded(opts.request())));
      await settle();
      spans = [];
      const t0 = performance.now();
      const r = await analyze();
      const t1 = performance.now();
      last = r;
      overRedis.push(outside(r));
      xs.push(t1 - t0);
      // The completed event may trail the publish: give it a moment to be recorded.
      await settle();
      const steps = breakdown(spans, t0, t1, toolchain(r));
      for (const [label, ms] of steps) perStep.set(label, [...(perStep.get(label) ?? []), ms]);
      const wait = spans.find((s) => s.step === 'api.wait');
      const read = spans.find((s) => s.step === 'api.cache-read');
      const job = spans.find((s) => s.step === 'worker.job');
      if (wait?.via) answeredBy[wait.via]++;
      if (wait && read && job) path.push(wait.end - read.start - (job.end - job.start));
    }
    await worker.stop();
    // Throughput with worker hosts in this process, one job at a time each (see the top).
    hosts.push(await startWorkerHost(workerService, { url: redis.url, concurrency: 1, log }));
    while (api.health().workers?.length !== 1) await new Promise((r) => setTimeout(r, 50));
    const throughput = async (): Promise<number> => {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: opts.jobs }, analyze));
      return opts.jobs / ((performance.now() - t0) / 1000);
    };
    const one = await throughput();
    hosts.push(await startWorkerHost(workerService, { url: redis.url, concurrency: 1, log }));
    while (api.health().workers?.length !== 2) await new Promise((r) => setTimeout(r, 50));
    const two = await throughput();
    const alone = last
      ? await redisPathAlone({
          service: workerService,
          captured: last,
          request: opts.request,
          runs: opts.runs * 4,
          // About a cache-miss build's time in the toolchain.
          idleMs: 300,
          pct: opts.pct,
        })
      : undefined;
    return {
      ...(alone ? { alone } : {}),
      noopRoundTripP50: await noopRoundTrip(redis.url, opts.runs * 2, opts.pct),
      admissionP50: await admissionRoundTrip(redis.url, opts.runs * 2, opts.pct),
      missP50: opts.pct(xs, 50),
      missP95: opts.pct(xs, 95),
      embeddedOverheadP50: opts.pct(overEmbedded, 50),
      redisOverheadP50: opts.pct(overRedis, 50),
      pathOverheadP50: opts.pct(path, 50),
      steps: [...perStep].map(([label, ms]) => ({ label, p50: opts.pct(ms, 50) })),
      answeredBy,
      oneWorkerPerSecond: one,
      twoWorkersPerSecond: two,
    };
  } finally {
    await worker.stop();
    for (const h of hosts) await h.close();
    await api.close();
    await workerService.close();
    await redis.stop();
  }
}

/**
 * One distributed miss by step, in path order, from its spans and the request's start and end
 * (`t0`, `t1`) as the bench saw them. Steps are measured on one clock (one process).
 */
function breakdown(spans: Span[], t0: number, t1: number, toolchainMs: number): [string, number][] {
  const at = (step: Span['step']): Span | undefined => spans.find((s) => s.step === step);
  const read = at('api.cache-read');
  const enqueue = at('api.enqueue');
  const job = at('worker.job');
  const publish = at('worker.publish');
  const wait = at('api.wait');
  const result = at('api.result');
  const event = at('api.completed-event');
  if (!read || !enqueue || !job || !publish || !wait || !result) return [];
  const rows: [string, number][] = [
    ['API: validate, cache key, memory cache (as embedded)', read.start - t0],
    ['API: shared cache GET (every miss)', read.end - read.start],
    ['API: checks, single-flight, subscribe (sent)', enqueue.start - read.end],
    ['API: count waiter + queue.add (pipelined)', enqueue.end - enqueue.start],
    ['worker: pick-up (marker wake, moveToActive, data check)', job.start - enqueue.end],
    ['worker: job outside compile/link/run (as embedded)', job.end - job.start - toolchainMs],
    ['worker: publish result (SET + PUBLISH written)', publish.end - publish.start],
    ['API: result arrives after the publish', wait.end - publish.end - (result.end - result.start)],
    ['API: validate the result (zod)', result.end - result.start],
    ['API: after the backend (memory cache, timing)', t1 - wait.end],
  ];
  if (event) rows.push(['(off path) completed event after the answer', event.end - wait.end]);
  return rows;
}

/** The lines bench:api prints for the distributed row. */
export function distributedReport(d: DistributedFigures, fmt: (ms: number) => string): string {
  const width = Math.max(...d.steps.map((s) => s.label.length));
  return [
    `distributed (Redis; latency: 1 worker host in its own process; throughput: in-process hosts, 1 job at a time each):`,
    `  API build, cache miss, -m, through Redis + 1 worker  p50 ${fmt(d.missP50)}  p95 ${fmt(d.missP95)}`,
    `  time outside compile/link/run (p50): embedded ${fmt(d.embeddedOverheadP50)}, Redis ${fmt(d.redisOverheadP50)}`,
    `  overhead of Redis + worker (p50)   = ${fmt(d.redisOverheadP50 - d.embeddedOverheadP50)}  (target < 5 ms; two populations, swings with the job)`,
    `  same request: Redis path less the worker's run (p50) = ${fmt(d.pathOverheadP50)}  (target < 5 ms)`,
    `  a miss through Redis by step (p50 each; answered by publish ${d.answeredBy.publish}, by event ${d.answeredBy.event}):`,
    ...d.steps.map((s) => `    ${s.label.padEnd(width)}  ${fmt(s.p50)}`),
    `  cross-node admission lease (HTTP only, acquire + release, p50) = ${fmt(d.admissionP50)}`,
    `  no-op BullMQ job round trip (p50)  = ${fmt(d.noopRoundTripP50)}`,
    ...(d.alone
      ? [
          `  whole Redis path, jobs answering a captured result at once (p50): back to back ${fmt(d.alone.awakeP50)},` +
            ` after ${d.alone.idleMs} ms idle ${fmt(d.alone.idleP50)}`,
        ]
      : []),
    `  throughput 2 workers / 1 worker    = ${(d.twoWorkersPerSecond / d.oneWorkerPerSecond).toFixed(2)}×` +
      `  (${d.oneWorkerPerSecond.toFixed(1)} → ${d.twoWorkersPerSecond.toFixed(1)} req/s)`,
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '15' }, jobs: { type: 'string', default: '20' } },
  });
  const snippet = fs.readFileSync(
    path.join(import.meta.dirname, '../sandbox-api/test/integration/testdata/sample.go'),
    'utf8',
  );
  let seq = 0;
  // A fresh comment makes every request a cache miss.
  const request = (): AnalyzeRequest => ({
    files: [{ name: 'main.go', content: `${snippet}// variant ${process.pid}-${++seq}\n` }],
    escapeDetail: 1,
  });
  const pct: Pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  };
  const load = (): string =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`load average at the start: ${load()}`);
  const service = await createService({ stateDir: devStateDir(), warmAtStart: true });
  const d = await benchDistributed({
    runs: Number(values.runs),
    jobs: Number(values.jobs),
    request,
    embedded: (req) => service.analyze(AnalyzeRequestSchema.parse(req)),
    pct,
  });
  console.log(d ? distributedReport(d, (ms) => `${ms.toFixed(1)} ms`) : 'no redis-server on PATH');
  console.log(`load average at the end: ${load()}`);
  await service.close();
}
