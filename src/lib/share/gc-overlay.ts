/**
 * Two runs' heap over time on one pair of axes, so GOGC 50 vs 400 reads at a glance: shared
 * time and MiB scales, one polyline per run (heap at GC start, the sawtooth's peaks) and its
 * goal. Pure numbers; the SVG is drawn by the caller.
 */
import type { GcCycle } from '@go-memory-lab/sandbox-api/protocol';

export interface OverlaySeries {
  /** "x,y x,y …" for an SVG polyline. */
  heap: string;
  goal: string;
  cycles: number;
}

export interface GcOverlay {
  width: number;
  height: number;
  maxMB: number;
  maxSeconds: number;
  a: OverlaySeries;
  b: OverlaySeries;
}

const pt = (x: number, y: number) => `${x.toFixed(1)},${y.toFixed(1)}`;

export function gcOverlay(
  a: readonly GcCycle[],
  b: readonly GcCycle[],
  size: { width: number; height: number } = { width: 600, height: 220 },
): GcOverlay {
  const all = [...a, ...b];
  const maxMB = Math.max(1, ...all.map((c) => Math.max(c.heapMB.start, c.goalMB)));
  const maxSeconds = Math.max(1e-3, ...all.map((c) => c.atSeconds));
  const x = (s: number) => (s / maxSeconds) * size.width;
  const y = (mb: number) => size.height - (mb / maxMB) * size.height;
  const series = (cs: readonly GcCycle[]): OverlaySeries => ({
    heap: cs.map((c) => pt(x(c.atSeconds), y(c.heapMB.start))).join(' '),
    goal: cs.map((c) => pt(x(c.atSeconds), y(c.goalMB))).join(' '),
    cycles: cs.length,
  });
  return { ...size, maxMB, maxSeconds, a: series(a), b: series(b) };
}
