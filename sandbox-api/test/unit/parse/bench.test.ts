import { describe, expect, test } from 'vitest';
import { parseBenchOutput } from '../../../src/parse/index.ts';
import { readFixture } from './fixtures.ts';

const captured = readFixture('bench', 'bench.txt');

describe('parseBenchOutput', () => {
  test('captured run: allocating and zero-alloc benchmarks, sub-benchmarks, custom metrics', () => {
    const r = parseBenchOutput(captured);
    expect(r.passed).toBe(true);
    expect(r.results.map((b) => [b.name, b.procs])).toEqual([
      ['BenchmarkHeap', 2],
      ['BenchmarkStack', 2],
      ['BenchmarkSizes/n=16', 2],
      ['BenchmarkSizes/n=1024', 2],
    ]);
    const [heap, stack, n16] = r.results;
    expect(heap).toMatchObject({ bytesPerOp: 16, allocsPerOp: 1, extra: {} });
    expect(stack).toMatchObject({ bytesPerOp: 0, allocsPerOp: 0 });
    expect(stack!.nsPerOp).toBeLessThan(1);
    expect(n16?.extra).toEqual({ 'MB/s': 732.17, 'words/op': 2 });
    expect(r.results.every((b) => captured.includes(b.raw))).toBe(true);
  });

  test('a failing run is not passed, even with result lines', () => {
    const failing = captured.replace(
      'PASS\nok',
      '--- FAIL: BenchmarkHeap\n    main_test.go:9: boom\nFAIL\nFAIL',
    );
    const r = parseBenchOutput(failing);
    expect(r.passed).toBe(false);
    expect(r.results).toHaveLength(4);
  });

  test('no procs suffix when GOMAXPROCS=1; CRLF; empty', () => {
    const one = captured.replace(/-2(\s)/g, '$1');
    const r = parseBenchOutput(one.replace(/\n/g, '\r\n'));
    expect(r.results.map((b) => b.name)).toContain('BenchmarkSizes/n=1024');
    expect(r.results.every((b) => b.procs === undefined)).toBe(true);
    expect(r.passed).toBe(true);
    expect(parseBenchOutput('')).toEqual({ results: [], passed: false });
  });
});
