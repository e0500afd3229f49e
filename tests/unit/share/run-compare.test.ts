import { describe, expect, it } from 'vitest';
import type { BenchLine, GcCycle } from '@go-memory-lab/sandbox-api/protocol';
import { benchDeltas, formatPercent } from '../../../src/lib/share/bench-deltas.ts';
import { gcOverlay } from '../../../src/lib/share/gc-overlay.ts';
import { knobMagnitude, sliderStops, UNSET } from '../../../src/lib/share/knob-steps.ts';

const line = (
  name: string,
  nsPerOp: number,
  bytesPerOp: number,
  allocsPerOp: number,
): BenchLine => ({
  name,
  procs: 2,
  iterations: 1000,
  nsPerOp,
  bytesPerOp,
  allocsPerOp,
  extra: {},
  raw: '',
});

describe('benchDeltas', () => {
  it('matches by name and gives percent changes per metric', () => {
    const d = benchDeltas(
      [line('BenchmarkHeap', 13.15, 16, 1), line('BenchmarkOnlyA', 1, 0, 0)],
      [line('BenchmarkHeap', 0.4056, 0, 0)],
    );
    expect(d.map((x) => x.metric)).toEqual(['ns/op', 'B/op', 'allocs/op']);
    expect(d[0]!.percent).toBeCloseTo(((0.4056 - 13.15) / 13.15) * 100, 6);
    expect(d[2]).toMatchObject({ a: 1, b: 0, percent: -100 });
  });

  it('has no ratio for a change from zero', () => {
    const [ns, bytes] = benchDeltas([line('B', 2, 0, 0)], [line('B', 2, 64, 1)]);
    expect(formatPercent(ns!.percent, ns!.b, 'en')).toBe('±0%');
    expect(bytes!.percent).toBeUndefined();
    expect(formatPercent(bytes!.percent, bytes!.b, 'en')).toBe('new');
    expect(formatPercent(bytes!.percent, bytes!.b, 'zh')).toBe('新增');
    expect(formatPercent(12.34, 1, 'zh')).toBe('+12.3%');
    expect(formatPercent(-40, 1, 'en')).toBe('−40.0%');
  });
});

describe('sliderStops', () => {
  it('keeps unset first and off last, and merges a pinned value in order', () => {
    const stops = sliderStops(['50', '100', '400'], '123');
    expect(stops).toEqual([UNSET, '50', '100', '123', '400', 'off']);
    expect(sliderStops(['8MiB', '1GiB'], '100MiB')).toEqual([
      UNSET,
      '8MiB',
      '100MiB',
      '1GiB',
      'off',
    ]);
  });

  it('orders Go size units by bytes', () => {
    expect(knobMagnitude('1GiB')).toBeGreaterThan(knobMagnitude('512MiB'));
    expect(knobMagnitude('2048')).toBe(2048);
  });
});

const cycle = (n: number, atSeconds: number, start: number, goal: number): GcCycle => ({
  n,
  atSeconds,
  cpuPercent: 1,
  clockMs: { sweepTermination: 0.01, mark: 0.1, markTermination: 0.02 },
  cpuMs: { sweepTermination: 0, assist: 0, background: 0, idle: 0, markTermination: 0 },
  heapMB: { start, end: start, live: start / 2 },
  goalMB: goal,
  stacksMB: 0,
  globalsMB: 0,
  procs: 2,
  forced: false,
  leakCheck: false,
  raw: '',
});

describe('gcOverlay', () => {
  it('puts both runs on shared scales', () => {
    const o = gcOverlay([cycle(1, 0.5, 4, 5), cycle(2, 1, 5, 6)], [cycle(1, 2, 10, 20)], {
      width: 100,
      height: 50,
    });
    expect(o.maxMB).toBe(20);
    expect(o.maxSeconds).toBe(2);
    expect(o.a.heap).toBe('25.0,40.0 50.0,37.5');
    expect(o.b.goal).toBe('100.0,0.0');
    expect(o.a.cycles).toBe(2);
  });
});
