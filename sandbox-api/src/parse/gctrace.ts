/**
 * One `GODEBUG=gctrace=1` line (printed by gcMarkTermination in `$GOROOT/src/runtime/mgc.go`;
 * field by field on the site's /reading-gctrace page) and the per-run summary.
 */
import type { GcCycle, GcResult } from '../protocol.ts';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
// Stacks and globals appeared in Go 1.18; older lines lack them.
const GC_LINE = new RegExp(
  String.raw`^gc (\d+) @(\d+(?:\.\d+)?)s (\d+)%( \(checking for goroutine leaks\))?: ` +
    String.raw`${NUM}\+${NUM}\+${NUM} ms clock, ${NUM}\+${NUM}/${NUM}/${NUM}\+${NUM} ms cpu, ` +
    String.raw`(\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (?:(\d+) MB stacks, (\d+) MB globals, )?` +
    String.raw`(\d+) P( \(forced\))?$`,
);

/** Parses a gctrace line, or undefined when the line is something else. */
export function parseGcLine(line: string): GcCycle | undefined {
  const m = GC_LINE.exec(line);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return {
    n: n(1),
    atSeconds: n(2),
    cpuPercent: n(3),
    clockMs: { sweepTermination: n(5), mark: n(6), markTermination: n(7) },
    cpuMs: {
      sweepTermination: n(8),
      assist: n(9),
      background: n(10),
      idle: n(11),
      markTermination: n(12),
    },
    heapMB: { start: n(13), end: n(14), live: n(15) },
    goalMB: n(16),
    stacksMB: n(17),
    globalsMB: n(18),
    procs: n(19),
    forced: m[20] !== undefined,
    leakCheck: m[4] !== undefined,
    raw: line,
  };
}

// Sums of millisecond fractions pick up binary noise (0.015 + 0.018); the runtime prints at
// most three decimals, so six are plenty.
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Pause of one cycle: both stop-the-world phases, wall clock. */
export function pauseMs(c: GcCycle): number {
  return round(c.clockMs.sweepTermination + c.clockMs.markTermination);
}

export function summarizeGc(cycles: readonly GcCycle[]): GcResult['summary'] {
  const pauses = cycles.map(pauseMs);
  return {
    cycles: cycles.length,
    forcedCycles: cycles.filter((c) => c.forced).length,
    totalPauseMs: round(pauses.reduce((a, b) => a + b, 0)),
    maxPauseMs: pauses.length === 0 ? 0 : Math.max(...pauses),
    peakHeapMB: cycles.reduce((m, c) => Math.max(m, c.heapMB.start, c.heapMB.end), 0),
    gcCpuPercent: cycles.at(-1)?.cpuPercent ?? 0,
  };
}
