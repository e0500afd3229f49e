/**
 * The compile pool's bookkeeping, with stand-in sandboxes (the real ones are exercised in
 * test/integration/compile-pool.test.ts): what `take` hands out and what it schedules.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { compilePool, type ReadyCompile } from '../../../src/pipeline/compile-pool.ts';

interface Stand {
  ready: ReadyCompile;
  dead: boolean;
  cancelled: boolean;
  removed: boolean;
}

function maker() {
  const made: Stand[] = [];
  const make = (): ReadyCompile => {
    const n = made.length;
    const stand: Stand = {
      dead: false,
      cancelled: false,
      removed: false,
      ready: {
        ws: { dir: `/jobs/job-${n}`, remove: () => (stand.removed = true) },
        launch: {
          start: () => Promise.reject(new Error('not in this test')),
          cancel: () => {
            stand.cancelled = true;
            return Promise.resolve();
          },
          procsFiles: () => [],
          ended: () => stand.dead,
        },
      },
    };
    made.push(stand);
    return stand.ready;
  };
  return { made, make };
}

/** A pool of two whose first take has run its top-up: two stand-ins made and idle. */
async function filled(log: (line: string) => void = () => undefined) {
  const m = maker();
  const pool = compilePool(2, log);
  pool.take('go1.26', m.make);
  await nextTurn();
  return { ...m, pool };
}

describe('compilePool', () => {
  it('fills up to its size once the first take has run', async () => {
    const { made, make } = maker();
    const pool = compilePool(2, () => undefined);
    expect(pool.take('go1.26', make)).toBeUndefined();
    expect(made).toHaveLength(0);
    await nextTurn();
    expect(made).toHaveLength(2);
    expect(pool.idle().dirs).toEqual(['job-0', 'job-1']);
    await pool.close();
  });

  it('passes over a sandbox that ended while it waited, and removes it', async () => {
    const logs: string[] = [];
    const { made, make, pool } = await filled((l) => logs.push(l));
    const [first, second] = made;
    if (!first || !second) throw new Error('the pool made nothing');
    // Killed from outside: its launcher has exited, so its job could only fail.
    first.dead = true;
    expect(pool.take('go1.26', make)).toBe(second.ready);
    await nextTurn();
    expect(first.cancelled).toBe(true);
    expect(first.removed).toBe(true);
    expect(logs.join('\n')).toMatch(/had ended/);
    await pool.close();
  });

  it('schedules one top-up for a burst of takes, which refills what the burst took', async () => {
    const { made, make, pool } = await filled();
    let scheduled = 0;
    const original = globalThis.setImmediate;
    globalThis.setImmediate = ((fn: () => void) => {
      scheduled++;
      return original(fn);
    }) as typeof setImmediate;
    try {
      for (let i = 0; i < 5; i++) pool.take('go1.26', make);
    } finally {
      globalThis.setImmediate = original;
    }
    expect(scheduled).toBe(1);
    await nextTurn();
    // Two taken from the full pool, three found it empty; the one top-up made two.
    expect(made).toHaveLength(4);
    expect(pool.idle().dirs).toEqual(['job-2', 'job-3']);
    await pool.close();
  });

  it('makes nothing after close, and cancels and removes what was idle', async () => {
    const { made, make, pool } = await filled();
    await pool.close();
    expect(made.every((s) => s.cancelled && s.removed)).toBe(true);
    expect(pool.take('go1.26', make)).toBeUndefined();
    await nextTurn();
    expect(made).toHaveLength(2);
  });
});
