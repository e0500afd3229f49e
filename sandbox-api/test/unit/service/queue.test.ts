import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/errors.ts';
import { JobQueue } from '../../../src/queue.ts';

/** A fake job runner: each job waits until the test releases it. */
function gate<T>() {
  let release!: (v: T) => void;
  const promise = new Promise<T>((r) => (release = r));
  return { promise, release };
}

describe('JobQueue', () => {
  it('runs at most `workers` jobs at once, FIFO after that', async () => {
    const q = new JobQueue<number>({ workers: 2, maxWaiting: 10 });
    const gates = [gate<number>(), gate<number>(), gate<number>()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      q.run(`k${i}`, async () => {
        started.push(i);
        return g.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(q.stats()).toMatchObject({ running: 2, waiting: 1 });
    gates[0]!.release(0);
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.release(1);
    gates[2]!.release(2);
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(q.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('answers 429 with Retry-After when the waiting line is full', async () => {
    const q = new JobQueue<number>({ workers: 1, maxWaiting: 1 });
    const g = gate<number>();
    const a = q.run('a', () => g.promise);
    const b = q.run('b', () => Promise.resolve(2));
    let failure: unknown;
    try {
      await q.run('c', () => Promise.resolve(3));
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(429);
    expect((failure as ApiFailure).body.code).toBe('queue_full');
    expect((failure as ApiFailure).retryAfter).toBeGreaterThanOrEqual(1);
    g.release(1);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
  });

  it('shares one job between identical requests in flight (single-flight)', async () => {
    const q = new JobQueue<string>({ workers: 1, maxWaiting: 0 });
    const g = gate<string>();
    let calls = 0;
    const task = () => {
      calls++;
      return g.promise;
    };
    const joiners = Array.from({ length: 5 }, () => q.run('same', task));
    g.release('result');
    expect(await Promise.all(joiners)).toEqual(Array(5).fill('result'));
    expect(calls).toBe(1);
    // Once finished, the key runs again (results are cached elsewhere, not here).
    await q.run('same', () => {
      calls++;
      return Promise.resolve('again');
    });
    expect(calls).toBe(2);
  });

  it('cancels a shared job only when every caller has gone', async () => {
    const q = new JobQueue<string>({ workers: 1, maxWaiting: 1 });
    let seen: AbortSignal | undefined;
    const g = gate<string>();
    const task = (signal: AbortSignal) => {
      seen = signal;
      return g.promise;
    };
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = q.run('k', task, c1.signal);
    const p2 = q.run('k', task, c2.signal);
    c1.abort();
    expect(seen?.aborted).toBe(false);
    c2.abort();
    expect(seen?.aborted).toBe(true);
    g.release('done');
    expect(await Promise.all([p1, p2])).toEqual(['done', 'done']);
  });
});
