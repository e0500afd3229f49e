/**
 * The Redis path of bench:api's distributed row without a toolchain: an API node and a worker
 * host whose jobs answer a real captured result (about 17 KB) at once, on a fresh redis-server.
 * Back to back, every process stays awake; with a pause before each request, Node and
 * redis-server go idle as they do while a real job compiles. The gap between the two is what
 * waking them costs on this machine, which the per-step figures of a real miss include.
 */
import type { AnalyzeRequest, AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { AnalyzeRequestSchema } from '@go-memory-lab/sandbox-api/protocol';
import { createRedisBackend } from '../sandbox-api/src/distributed/redis-backend.ts';
import { startWorkerHost } from '../sandbox-api/src/distributed/worker-host.ts';
import { createService, type Service } from '../sandbox-api/src/service.ts';
import { startRedis } from '../sandbox-api/test/support/data-services.ts';

export interface PathAlone {
  /** p50 of a whole analyze through Redis, requests back to back. */
  awakeP50: number;
  /** p50 of the same after `idleMs` of nothing before each request. */
  idleP50: number;
  idleMs: number;
}

export async function redisPathAlone(opts: {
  /** A warm service: the worker host offers its toolchains. */
  service: Service;
  /** A real response of this run, answered by every job. */
  captured: AnalyzeResponse;
  request: () => AnalyzeRequest;
  runs: number;
  idleMs: number;
  pct: (xs: number[], p: number) => number;
}): Promise<PathAlone> {
  const redis = await startRedis();
  const log = (): void => {};
  // What a worker sends: the response without the API node's `cached` flag.
  const response: Omit<AnalyzeResponse, 'cached'> = { ...opts.captured };
  delete (response as Partial<AnalyzeResponse>).cached;
  const instant: Service = {
    ...opts.service,
    runJob: () => Promise.resolve({ response: structuredClone(response), cacheable: true }),
  };
  const api = await createService(
    { log },
    { backend: await createRedisBackend({ url: redis.url, maxWaiting: 1_000, log }) },
  );
  const host = await startWorkerHost(instant, { url: redis.url, concurrency: 1, log });
  try {
    while (api.health().workers?.length !== 1) await new Promise((r) => setTimeout(r, 50));
    const time = async (idleMs: number): Promise<number[]> => {
      const xs: number[] = [];
      // The first few warm the code paths up; not counted.
      for (let i = 0; i < opts.runs + 5; i++) {
        if (idleMs > 0) await new Promise((r) => setTimeout(r, idleMs));
        const t0 = performance.now();
        await api.analyze(AnalyzeRequestSchema.parse(opts.request()));
        if (i >= 5) xs.push(performance.now() - t0);
      }
      return xs;
    };
    const awake = await time(0);
    const idle = await time(opts.idleMs);
    return {
      awakeP50: opts.pct(awake, 50),
      idleP50: opts.pct(idle, 50),
      idleMs: opts.idleMs,
    };
  } finally {
    await host.close();
    await api.close();
    await redis.stop();
  }
}
