/**
 * The distributed row of `npm run bench:api`: the same cache-miss build through Redis (BullMQ)
 * and worker hosts instead of the in-process pool, on a throwaway redis-server. Worker hosts
 * run in this process with one job at a time each, so "2 workers vs 1" shows how the shared
 * queue spreads work, not how many cores this machine has.
 */
import { spawnSync } from 'node:child_process';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createRedisBackend } from '../sandbox-api/src/distributed/redis-backend.ts';
import { startWorkerHost, type WorkerHost } from '../sandbox-api/src/distributed/worker-host.ts';
import type { AnalyzeRequest, AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { AnalyzeRequestSchema } from '@go-memory-lab/sandbox-api/protocol';
import { createService } from '../sandbox-api/src/service.ts';
import { startRedis } from '../sandbox-api/test/support/data-services.ts';

export interface DistributedFigures {
  missP50: number;
  missP95: number;
  /** p50 of (total − compile/link/run) per request: what the path around the toolchain costs. */
  embeddedOverheadP50: number;
  redisOverheadP50: number;
  /** A no-op job through the same Redis: the floor of what the queue adds. */
  noopRoundTripP50: number;
  oneWorkerPerSecond: number;
  twoWorkersPerSecond: number;
}

/** Undefined when this machine has no redis-server (the row is then skipped). */
export async function benchDistributed(opts: {
  runs: number;
  jobs: number;
  request: () => AnalyzeRequest;
  /** The embedded service of the same run, called in turn with the distributed one. */
  embedded: (req: AnalyzeRequest) => Promise<AnalyzeResponse>;
  pct: (xs: number[], p: number) => number;
}): Promise<DistributedFigures | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const redis = await startRedis();
  const log = (): void => {};
  const backend = await createRedisBackend({ url: redis.url, maxWaiting: 1_000, log });
  const api = await createService({ log }, { backend });
  const workerService = await createService({ warmAtStart: true, log });
  const hosts: WorkerHost[] = [
    await startWorkerHost(workerService, { url: redis.url, concurrency: 1, log }),
  ];
  // The API node sees a worker once its first heartbeat is read.
  while (api.health().workers?.length !== 1) await new Promise((r) => setTimeout(r, 50));
  const analyze = (): Promise<AnalyzeResponse> =>
    api.analyze(AnalyzeRequestSchema.parse(opts.request()));
  // Compile times on a shared machine swing by hundreds of ms; what the queue adds is the
  // time outside the toolchain's steps, measured per request in both modes, interleaved.
  const outside = (r: AnalyzeResponse): number =>
    r.timing.totalMs - r.timing.compileMs - r.timing.linkMs - r.timing.runMs;
  try {
    await analyze();
    const xs: number[] = [];
    const overRedis: number[] = [];
    const overEmbedded: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      overEmbedded.push(outside(await opts.embedded(opts.request())));
      const t0 = performance.now();
      overRedis.push(outside(await analyze()));
      xs.push(performance.now() - t0);
    }
    const throughput = async (): Promise<number> => {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: opts.jobs }, analyze));
      return opts.jobs / ((performance.now() - t0) / 1000);
    };
    const one = await throughput();
    hosts.push(await startWorkerHost(workerService, { url: redis.url, concurrency: 1, log }));
    while (api.health().workers?.length !== 2) await new Promise((r) => setTimeout(r, 50));
    const two = await throughput();
    return {
      noopRoundTripP50: await noopRoundTrip(redis.url, opts.runs * 2, opts.pct),
      missP50: opts.pct(xs, 50),
      missP95: opts.pct(xs, 95),
      embeddedOverheadP50: opts.pct(overEmbedded, 50),
      redisOverheadP50: opts.pct(overRedis, 50),
      oneWorkerPerSecond: one,
      twoWorkersPerSecond: two,
    };
  } finally {
    for (const h of hosts) await h.close();
    await api.close();
    await workerService.close();
    await redis.stop();
  }
}

async function noopRoundTrip(
  url: string,
  runs: number,
  pct: (xs: number[], p: number) => number,
): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('gml-bench-noop', { connection: redis });
  const events = new QueueEvents('gml-bench-noop', { connection: redis });
  const worker = new Worker('gml-bench-noop', () => Promise.resolve(true), { connection: redis });
  await events.waitUntilReady();
  await worker.waitUntilReady();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const job = await queue.add('noop', {}, { removeOnComplete: true });
    await job.waitUntilFinished(events);
    xs.push(performance.now() - t0);
  }
  await worker.close();
  await events.close();
  await queue.close();
  redis.disconnect();
  return pct(xs, 50);
}
