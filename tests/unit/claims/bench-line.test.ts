import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnalyzeResponseSchema } from '@go-memory-lab/sandbox-api/protocol';
import { attributedBenchLine, benchProblemText } from '../../../src/lib/claims/bench-line.ts';
import { fixture } from './load-fixture.ts';

// content/snippets/pool-reuse in bench mode (BenchmarkFresh, BenchmarkPooled), and the
// subslice-leak exercise's start code, whose hidden BenchmarkCheckHeader fails.
const pool = fixture('pool-reuse');
const leak = AnalyzeResponseSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../exercises/fixtures/subslice-leak.start.bench.json', import.meta.url),
      'utf8',
    ),
  ),
);

describe('attributedBenchLine', () => {
  test('returns the one line test2json attributed to the benchmark', () => {
    const line = attributedBenchLine(pool, 'BenchmarkPooled');
    expect(line).toMatchObject({ name: 'BenchmarkPooled', allocsPerOp: 0 });
  });

  test('a failed benchmark names the message it logged', () => {
    expect(attributedBenchLine(leak, 'BenchmarkCheckHeader')).toEqual({
      problem: 'failed',
      logged: 'changing a 16-byte packet changed its header: they share memory',
    });
    expect(benchProblemText('BenchmarkCheckHeader', { problem: 'failed' })).toBe(
      'BenchmarkCheckHeader failed',
    );
  });

  test('a second look-alike line and a missing line are problems, not figures', () => {
    const bench = pool.bench!;
    const pooled = bench.results.find((b) => b.name === 'BenchmarkPooled')!;
    const twice = { ...pool, bench: { ...bench, results: [...bench.results, pooled] } };
    expect(attributedBenchLine(twice, 'BenchmarkPooled')).toEqual({ problem: 'several', count: 2 });
    expect(attributedBenchLine(pool, 'BenchmarkNope')).toEqual({ problem: 'none' });
    expect(benchProblemText('BenchmarkNope', { problem: 'none' })).toBe(
      'BenchmarkNope reported no result',
    );
  });
});
