// The service's own pauseMs (rounded to the runtime's precision), so bars match its summary.
import { pauseMs } from '@go-memory-lab/sandbox-api/gc';
import type { GcCycle } from '@go-memory-lab/sandbox-api/protocol';

/** Layout of the hand-rolled GC chart; all numbers are SVG user units. */
export interface GcChartOptions {
  width?: number;
  heapHeight?: number;
  pauseHeight?: number;
  /** Room on the left for axis labels. */
  marginLeft?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PauseBar {
  n: number;
  x: number;
  y: number;
  width: number;
  height: number;
  ms: number;
}

export interface Tick {
  y: number;
  label: string;
}

export interface GcChartGeometry {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  heap: {
    top: number;
    bottom: number;
    maxMB: number;
    ticks: Tick[];
    start: Point[];
    end: Point[];
    goal: Point[];
  };
  pause: { top: number; bottom: number; maxMs: number; ticks: Tick[]; bars: PauseBar[] };
  /** Cycle number under each x, for axis labels. */
  xLabels: { x: number; label: string }[];
}

/** 1, 2, 5 × 10^k at or above v, so axis maxima read as round numbers. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Width of one label character, in chart units, at the 10-unit font of gc-chart.css. */
export const LABEL_CHAR_WIDTH = 6.5;

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(2));

/**
 * Geometry for a two-panel chart: heap at GC start/end and the goal per cycle (lines), and the
 * stop-the-world pause per cycle (bars). Pure numbers, so the SVG markup stays trivial.
 */
export function gcChartGeometry(
  cycles: readonly GcCycle[],
  opts: GcChartOptions = {},
): GcChartGeometry {
  const width = opts.width ?? 640;
  const heapHeight = opts.heapHeight ?? 160;
  const pauseHeight = opts.pauseHeight ?? 80;
  const maxMB = niceCeil(
    Math.max(0, ...cycles.flatMap((c) => [c.heapMB.start, c.heapMB.end, c.goalMB])),
  );
  const maxMs = niceCeil(Math.max(0, ...cycles.map(pauseMs)));
  const heapLabels = [0, maxMB / 2, maxMB].map((v) => `${fmt(v)} MB`);
  const pauseLabels = [0, maxMs].map((v) => `${fmt(v)} ms`);
  // Room for the widest y label at the chart's 10-unit font (~6.5 units a character), so
  // "100000 MB" or "0.20 ms" is never cut at the left edge into a different number.
  const widest = Math.max(...[...heapLabels, ...pauseLabels].map((l) => l.length));
  const plotLeft = opts.marginLeft ?? Math.max(48, Math.ceil(widest * LABEL_CHAR_WIDTH) + 8);
  const plotRight = width - 8;
  const gap = 28;
  const heapTop = 16;
  const heapBottom = heapTop + heapHeight;
  const pauseTop = heapBottom + gap;
  const pauseBottom = pauseTop + pauseHeight;
  const height = pauseBottom + 20;

  const n = cycles.length;
  const slot = n > 0 ? (plotRight - plotLeft) / n : 0;
  const xAt = (i: number) => plotLeft + slot * (i + 0.5);

  const yHeap = (mb: number) => heapBottom - (mb / maxMB) * heapHeight;
  const yPause = (ms: number) => pauseBottom - (ms / maxMs) * pauseHeight;

  const barWidth = Math.max(1, Math.min(24, slot * 0.6));
  const everyNth = Math.max(1, Math.ceil(n / 12));
  return {
    width,
    height,
    plotLeft,
    plotRight,
    heap: {
      top: heapTop,
      bottom: heapBottom,
      maxMB,
      ticks: [0, maxMB / 2, maxMB].map((v, i) => ({ y: yHeap(v), label: heapLabels[i]! })),
      start: cycles.map((c, i) => ({ x: xAt(i), y: yHeap(c.heapMB.start) })),
      end: cycles.map((c, i) => ({ x: xAt(i), y: yHeap(c.heapMB.end) })),
      goal: cycles.map((c, i) => ({ x: xAt(i), y: yHeap(c.goalMB) })),
    },
    pause: {
      top: pauseTop,
      bottom: pauseBottom,
      maxMs,
      ticks: [0, maxMs].map((v, i) => ({ y: yPause(v), label: pauseLabels[i]! })),
      bars: cycles.map((c, i) => {
        const ms = pauseMs(c);
        const y = yPause(ms);
        return {
          n: c.n,
          x: xAt(i) - barWidth / 2,
          y,
          width: barWidth,
          height: pauseBottom - y,
          ms,
        };
      }),
    },
    xLabels: cycles
      .map((c, i) => ({ x: xAt(i), label: String(c.n) }))
      .filter((_, i) => i % everyNth === 0 || i === n - 1),
  };
}
