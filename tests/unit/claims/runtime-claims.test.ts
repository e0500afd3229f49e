import { describe, expect, test } from 'vitest';
import { evaluateClaim } from '../../../src/lib/claims/evaluate.ts';
import { claim, fixture } from './load-fixture.ts';

// content/snippets/pool-reuse in bench mode: BenchmarkFresh 1 allocs/op, BenchmarkPooled 0.
const pool = fixture('pool-reuse');
// content/snippets/gc-churn in run mode, default GOGC and GOGC=50.
const churn = fixture('gc-churn');
const churn50 = fixture('gc-churn-gogc50');
// content/snippets/alloc-profile in run mode: prints which functions the allocs profile shows.
const profile = fixture('alloc-profile');

describe('bench claims', () => {
  test('allocs/op is compared and the benchmark line quoted', () => {
    const v = evaluateClaim(
      claim({
        type: 'bench',
        benchmark: 'BenchmarkPooled',
        metric: 'allocsPerOp',
        op: '==',
        value: 0,
        says: 'none',
      }),
      pool,
    );
    expect(v.met).toBe(true);
    expect(v.reason).toMatch(/^0 allocs\/op == 0: `BenchmarkPooled-\d+\s/);
    const fresh = evaluateClaim(
      claim({
        type: 'bench',
        benchmark: 'BenchmarkFresh',
        metric: 'allocsPerOp',
        op: '==',
        value: 0,
        says: 'none',
      }),
      pool,
    );
    expect(fresh.met).toBe(false);
    expect(fresh.reason).toMatch(/^1 allocs\/op is not == 0/);
  });

  test('bytes/op and a missing benchmark', () => {
    const bytes = {
      type: 'bench',
      benchmark: 'BenchmarkFresh',
      metric: 'bytesPerOp',
      op: '>=',
      value: 64,
      says: 'a claim',
    };
    expect(evaluateClaim(claim(bytes), pool).met).toBe(true);
    const missing = evaluateClaim(claim({ ...bytes, benchmark: 'BenchmarkNope' }), pool);
    expect(missing.met).toBe(false);
    expect(missing.reason).toContain(
      'BenchmarkNope reported no result; it printed BenchmarkFresh, BenchmarkPooled',
    );
  });

  test('a failed run, a failed benchmark or a second look-alike line is not met', () => {
    const zero = claim({
      type: 'bench',
      benchmark: 'BenchmarkPooled',
      metric: 'allocsPerOp',
      op: '==',
      value: 0,
      says: 'none',
    });
    const bench = pool.bench!;
    const pooled = bench.results.find((b) => b.name === 'BenchmarkPooled')!;
    const failedRun = { ...pool, bench: { ...bench, passed: false } };
    expect(evaluateClaim(zero, failedRun)).toMatchObject({ met: false });
    const failedBench = { ...pool, bench: { ...bench, failed: ['BenchmarkPooled'] } };
    expect(evaluateClaim(zero, failedBench).reason).toMatch(/^BenchmarkPooled failed/);
    const twice = { ...pool, bench: { ...bench, results: [...bench.results, pooled] } };
    expect(evaluateClaim(zero, twice).reason).toContain(
      'reported 2 result lines; cannot tell which is real',
    );
  });

  test('a build-mode result has no benchmarks', () => {
    const v = evaluateClaim(
      claim({
        type: 'bench',
        benchmark: 'BenchmarkFresh',
        metric: 'allocsPerOp',
        op: '==',
        value: 1,
        says: 'a claim',
      }),
      profile,
    );
    expect(v).toEqual({
      met: false,
      reason: 'BenchmarkFresh reported no result (not run in bench mode)',
    });
  });
});

describe('gc claims', () => {
  const cycles = churn.gc!.summary.cycles;

  test('a figure is compared with the value and the last gctrace line quoted', () => {
    const v = evaluateClaim(
      claim({ type: 'gc', metric: 'cycles', op: '>=', value: cycles, says: 'a claim' }),
      churn,
    );
    expect(v.met).toBe(true);
    expect(v.reason).toContain(`${cycles} GC cycles, >= ${cycles}`);
    expect(v.reason).toContain(`(last gctrace line: \`gc ${cycles} @`);
    expect(
      evaluateClaim(
        claim({ type: 'gc', metric: 'cycles', op: '>', value: cycles, says: 'a claim' }),
        churn,
      ).met,
    ).toBe(false);
  });

  test('maxGoalMB is the largest goal of any cycle', () => {
    const goal = Math.max(...churn.gc!.cycles.map((c) => c.goalMB));
    const v = evaluateClaim(
      claim({ type: 'gc', metric: 'maxGoalMB', op: '==', value: goal, says: 'a claim' }),
      churn,
    );
    expect(v.met).toBe(true);
  });

  test('gc-compare uses the than run, and needs one', () => {
    const fewer = claim({
      type: 'gc-compare',
      metric: 'cycles',
      op: '<',
      than: { env: { GOGC: '50' } },
      says: 'a claim',
    });
    const v = evaluateClaim(fewer, churn, { than: churn50 });
    expect(v.met).toBe(true);
    expect(v.reason).toBe(
      `${cycles} GC cycles (defaults) < ${churn50.gc!.summary.cycles} (GOGC=50)`,
    );
    expect(evaluateClaim(fewer, churn50, { than: churn }).met).toBe(false);
    expect(evaluateClaim(fewer, churn)).toEqual({
      met: false,
      reason: 'the comparison run is missing',
    });
  });

  test('a result that was not run cannot satisfy a gc claim', () => {
    const v = evaluateClaim(
      claim({ type: 'gc', metric: 'cycles', op: '>=', value: 0, says: 'a claim' }),
      pool,
    );
    expect(v).toEqual({
      met: false,
      reason: 'GC figures come from gctrace in run mode; this result is mode bench',
    });
  });
});

describe('output claims', () => {
  test('contains and matches quote the matching line', () => {
    const v = evaluateClaim(
      claim({ type: 'output', contains: 'main.sum in allocs profile: false', says: 'a claim' }),
      profile,
    );
    expect(v).toEqual({ met: true, reason: 'stdout: "main.sum in allocs profile: false"' });
    const re = evaluateClaim(
      claim({ type: 'output', matches: '^main\\.keep .*: true$', says: 'a claim' }),
      profile,
    );
    expect(re.met).toBe(true);
  });

  test('missing text is not met and the reason shows what was printed', () => {
    const v = evaluateClaim(
      claim({ type: 'output', contains: 'main.sum in allocs profile: true', says: 'a claim' }),
      profile,
    );
    expect(v.met).toBe(false);
    expect(v.reason).toContain('stdout does not contain');
    expect(v.reason).toContain('main.keep in allocs profile: true');
  });
});

describe('claims over several runs compare medians', () => {
  const low = churn.gc!.summary.cycles;
  const high = churn50.gc!.summary.cycles;

  test('a gc claim judges the median, not the first run', () => {
    const exactlyLow = claim({
      type: 'gc',
      metric: 'cycles',
      op: '==',
      value: low,
      runs: 3,
      says: 'a claim',
    });
    // The first run alone is an outlier; two of three runs give the median.
    const v = evaluateClaim(exactlyLow, churn50, { runs: [churn50, churn, churn] });
    expect(v.met).toBe(true);
    expect(v.reason).toContain(`median of 3 runs: ${high}, ${low}, ${low}`);
    expect(evaluateClaim(exactlyLow, churn50, { runs: [churn50, churn50, churn] }).met).toBe(false);
  });

  test('gc-compare compares the medians of both sides', () => {
    const fewer = claim({
      type: 'gc-compare',
      metric: 'cycles',
      op: '<',
      than: { env: { GOGC: '50' } },
      runs: 3,
      says: 'a claim',
    });
    const v = evaluateClaim(fewer, churn50, {
      than: churn,
      runs: [churn50, churn, churn],
      thanRuns: [churn, churn50, churn50],
    });
    expect(v.met).toBe(true);
    expect(v.reason).toContain(`${low} GC cycles (median of 3 runs`);
  });

  test('a bench claim judges the median allocs/op and fails when one run lacks the benchmark', () => {
    const none = claim({
      type: 'bench',
      benchmark: 'BenchmarkPooled',
      metric: 'allocsPerOp',
      op: '==',
      value: 0,
      runs: 3,
      says: 'a claim',
    });
    expect(evaluateClaim(none, pool, { runs: [pool, pool, pool] }).met).toBe(true);
    const v = evaluateClaim(none, pool, { runs: [pool, churn, pool] });
    expect(v.met).toBe(false);
    expect(v.reason).toContain('BenchmarkPooled reported no result');
  });
});
