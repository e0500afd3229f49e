import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pauseMs, summarizeGc } from '@go-memory-lab/sandbox-api/gc';
import { GcCycleSchema } from '@go-memory-lab/sandbox-api/protocol';
import { loadResult } from './fixtures.ts';
import { gcChartGeometry, niceCeil } from '../../../src/lib/results/gc-chart.ts';

// Real gctrace=1 lines from go1.26.11 (reference/samples/godebug_trace), in the wire shape.
const cycles = z
  .array(GcCycleSchema)
  .parse(JSON.parse(readFileSync(new URL('./fixtures/gc-cycles.json', import.meta.url), 'utf8')));

describe('gcChartGeometry', () => {
  const g = gcChartGeometry(cycles, { width: 600 });

  it('has one point per cycle inside the plot, left to right', () => {
    for (const series of [g.heap.start, g.heap.end, g.heap.goal]) {
      expect(series).toHaveLength(cycles.length);
      const xs = series.map((p) => p.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      for (const p of series) {
        expect(p.x).toBeGreaterThan(g.plotLeft);
        expect(p.x).toBeLessThan(g.plotRight);
        expect(p.y).toBeGreaterThanOrEqual(g.heap.top);
        expect(p.y).toBeLessThanOrEqual(g.heap.bottom);
      }
    }
  });

  it('plots each series from its own field: start, end and goal heap of each cycle', () => {
    // Inverting the y mapping recovers the MB each point stands for.
    const mbAt = (y: number) => ((g.heap.bottom - y) / (g.heap.bottom - g.heap.top)) * g.heap.maxMB;
    cycles.forEach((c, i) => {
      expect(mbAt(g.heap.start[i]!.y)).toBeCloseTo(c.heapMB.start, 6);
      expect(mbAt(g.heap.end[i]!.y)).toBeCloseTo(c.heapMB.end, 6);
      expect(mbAt(g.heap.goal[i]!.y)).toBeCloseTo(c.goalMB, 6);
    });
    // The fixture has cycles whose start and end differ, so a swapped series cannot pass.
    expect(cycles.some((c) => c.heapMB.start !== c.heapMB.end)).toBe(true);
  });

  it('scales heap to a round maximum that covers the goal', () => {
    const peak = Math.max(...cycles.flatMap((c) => [c.heapMB.start, c.heapMB.end, c.goalMB]));
    expect(g.heap.maxMB).toBeGreaterThanOrEqual(peak);
    expect(g.heap.maxMB).toBeLessThan(peak * 2.5);
    const i = cycles.findIndex((c) => c.goalMB === peak || c.heapMB.end === peak);
    const top = Math.min(g.heap.goal[i]!.y, g.heap.end[i]!.y);
    expect(top).toBeCloseTo(g.heap.bottom - (peak / g.heap.maxMB) * (g.heap.bottom - g.heap.top));
  });

  it('draws a pause bar per cycle, tallest for the longest pause', () => {
    expect(g.pause.bars).toHaveLength(cycles.length);
    const longest = cycles.reduce((a, c) => (pauseMs(c) > pauseMs(a) ? c : a));
    const tallest = g.pause.bars.reduce((a, b) => (b.height > a.height ? b : a));
    expect(tallest.n).toBe(longest.n);
    expect(tallest.ms).toBeCloseTo(
      longest.clockMs.sweepTermination + longest.clockMs.markTermination,
    );
    for (const b of g.pause.bars) expect(b.y + b.height).toBeCloseTo(g.pause.bottom);
  });

  it('labels each bar with the pause the service reports: no binary noise, same maximum', () => {
    // The runtime prints three decimals, so the fixture's third cycle must read 0.072, not the
    // float sum 0.07200000000000001, and the tallest bar must equal the summary's maxPauseMs.
    for (const b of g.pause.bars) expect(b.ms).toBe(Number(b.ms.toFixed(3)));
    const tallest = Math.max(...g.pause.bars.map((b) => b.ms));
    expect(tallest).toBe(summarizeGc(cycles).maxPauseMs);
  });

  it('lays out a real gctrace run from the service', () => {
    const run = loadResult('gc-run.json');
    const real = gcChartGeometry(run.gc!.cycles);
    expect(real.pause.bars).toHaveLength(run.gc!.cycles.length);
    expect(real.heap.maxMB).toBeGreaterThanOrEqual(run.gc!.summary.peakHeapMB);
    expect(real.xLabels.length).toBeLessThanOrEqual(13);
  });

  it('copes with no cycles', () => {
    const empty = gcChartGeometry([]);
    expect(empty.heap.start).toEqual([]);
    expect(empty.pause.bars).toEqual([]);
    expect(empty.heap.maxMB).toBe(1);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.13, 3, 11, 49, 100, 101].map(niceCeil)).toEqual([0.2, 5, 20, 50, 100, 200]);
  });
});

describe('gcChartGeometry y labels', () => {
  it('leaves room for the widest label, so "100000 MB" is never cut into "00 MB"', () => {
    const huge = cycles.map((c) => ({
      ...c,
      heapMB: { start: 90_000, end: 80_000, live: 70_000 },
      goalMB: 95_000,
    }));
    const g = gcChartGeometry(huge, { width: 600 });
    const labels = [...g.heap.ticks, ...g.pause.ticks].map((t) => t.label);
    expect(labels).toContain('100000 MB');
    // Labels are drawn right-aligned 4 units left of the plot.
    for (const l of labels) expect(g.plotLeft - 4 - l.length * 6.5).toBeGreaterThanOrEqual(0);
  });
});
