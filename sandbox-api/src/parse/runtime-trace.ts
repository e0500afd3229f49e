/**
 * Splits a program's stderr into the runtime's trace lines and the program's own output.
 */
import type { GcCycle, GcResult } from '../protocol.ts';
import { parseGcLine, summarizeGc } from './gctrace.ts';

const PACER = /^pacer: /;
// Both the Go >= 1.20 `scav N KiB work (bg), …` and the older `scav N KiB work, …` shapes.
const SCAV = /^scav \d+ KiB work/;
// gctrace=2 prints per-size-class scan statistics right after each gc line.
const SCAN_STATS = /^scan: /;
// The periodic 2-minute GC announces itself on its own line before its gc line.
const GC_FORCED = /^GC forced$/;

/**
 * gctrace lines (and `GC forced` / gctrace=2 `scan:` lines), gcpacertrace `pacer:` lines and
 * scavtrace `scav` lines are taken out; everything else is returned as the program's stderr,
 * byte for byte.
 */
export function parseRuntimeStderr(stderr: string): { gc: GcResult; programStderr: string } {
  const cycles: GcCycle[] = [];
  const pacer: string[] = [];
  const scavenger: string[] = [];
  const kept: string[] = [];
  let afterGcLine = false;

  for (const rawLine of stderr.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const cycle = parseGcLine(line);
    if (cycle) {
      cycles.push(cycle);
      afterGcLine = true;
      continue;
    }
    if (afterGcLine && SCAN_STATS.test(line)) continue;
    afterGcLine = false;
    if (GC_FORCED.test(line)) continue;
    if (PACER.test(line)) pacer.push(line);
    else if (SCAV.test(line)) scavenger.push(line);
    else kept.push(rawLine);
  }
  return {
    gc: { cycles, summary: summarizeGc(cycles), pacer, scavenger },
    programStderr: kept.join('\n'),
  };
}
