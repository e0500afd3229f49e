import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/errors.ts';
import type { AnalyzeResponse } from '../../../src/protocol.ts';
import type { Service } from '../../../src/service.ts';
import {
  expectServiceRecovered,
  runMain,
  startHostileService,
} from '../../support/hostile-service.ts';

const UID = 10071;
let service: Service;

beforeAll(async () => {
  // One worker and a waiting line of two, so a handful of requests is a flood.
  service = await startHostileService(UID, { workers: 1, maxWaiting: 2 });
});
afterAll(async () => {
  await service.close();
});
afterEach(async () => {
  await expectServiceRecovered(service, UID);
});

const sleeper = (n: number) =>
  `package main\n\nimport "time"\n\nfunc main() { time.Sleep(time.Hour) } // ${n}-${process.pid}\n`;

describe('hostile programs: flooding the queue', () => {
  it('a flood of sleeping programs gets 429 + Retry-After beyond the line, and the rest end at the wall clock', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => runMain(service, sleeper(i))),
    );
    const answered = settled.filter(
      (s): s is PromiseFulfilledResult<AnalyzeResponse> => s.status === 'fulfilled',
    );
    const refused = settled
      .filter((s): s is PromiseRejectedResult => s.status === 'rejected')
      .map((s) => s.reason as ApiFailure);
    // One running, two waiting; the other three are turned away at once.
    expect(answered).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(e).toBeInstanceOf(ApiFailure);
      expect(e.status).toBe(429);
      expect(e.body.code).toBe('queue_full');
      expect(e.retryAfter).toBeGreaterThanOrEqual(1);
    }
    for (const a of answered) expect(a.value.run?.timedOut).toBe(true);
  });

  it('fifty identical hanging requests are one job, not fifty', async () => {
    const started = Date.now();
    const all = Array.from({ length: 50 }, () => runMain(service, sleeper(999)));
    // Single-flight: the identical requests share the one running job, none waits in line.
    await new Promise((r) => setTimeout(r, 300));
    expect(service.health().queue).toMatchObject({ running: 1, waiting: 0 });
    const results = await Promise.all(all);
    for (const r of results) expect(r.run?.killedReason).toMatch(/stopped after 2 s/);
    // One wall limit in total, not fifty in a row.
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('a compile hang holds a worker only until the compile limit, then the next job runs', async () => {
    const hang = runMain(
      service,
      'package main\n\ntype I[T any] interface{ M() interface{ I[*T] } }\n\nfunc main() { var _ I[int] }\n',
    );
    const t0 = Date.now();
    const next = await runMain(
      service,
      'package main\n\nfunc main() { println("after the hang") }\n',
    );
    expect(next.run?.stderr.text).toContain('after the hang');
    expect(next.timing.queueMs).toBeGreaterThan(2_000);
    expect(Date.now() - t0).toBeLessThan(4_000 + 3_000);
    expect((await hang).compileErrors[0]?.message).toMatch(/stopped after 4 s/);
  });
});
