/**
 * Splits a program's stderr into the runtime's trace lines and the program's own output.
 */
import type { GcCycle, GcResult } from '../protocol.ts';
import { parseGcLine, summarizeGc } from './gctrace.ts';
import { parsePacerLine } from './runtime-lines.ts';

const PACER = /^pacer: /;
// Both the Go >= 1.20 `scav N KiB work (bg), …` and the older `scav N KiB work, …` shapes.
const SCAV = /^scav \d+ KiB work/;
// gctrace=2 prints per-size-class scan statistics right after each gc line.
const SCAN_STATS = /^scan: /;
// The periodic 2-minute GC announces itself on its own line before its gc line.
const GC_FORCED = /^GC forced$/;
// Where a runtime line may start in the middle of a line the program left unfinished.
const EMBEDDED_START = /gc \d+ @\d|pacer: |scav \d+ KiB work/g;

type Runtime = { type: 'gc'; cycle: GcCycle } | { type: 'pacer' | 'scav' | 'drop' };

function classify(line: string, afterGcLine: boolean): Runtime | undefined {
  const cycle = parseGcLine(line);
  if (cycle) return { type: 'gc', cycle };
  if ((afterGcLine && SCAN_STATS.test(line)) || GC_FORCED.test(line)) return { type: 'drop' };
  if (PACER.test(line)) return { type: 'pacer' };
  if (SCAV.test(line)) return { type: 'scav' };
  return undefined;
}

/**
 * A runtime line printed right after program output that had no newline yet: `abcgc 1 @…`.
 * Only a complete, parseable runtime line counts, so ordinary text mentioning `pacer: ` stays.
 */
function splitEmbedded(line: string): { prefix: string; rest: string } | undefined {
  for (const m of line.matchAll(EMBEDDED_START)) {
    if (m.index === 0) continue;
    const rest = line.slice(m.index);
    if (parseGcLine(rest) || parsePacerLine(rest) || /^scav \d+ KiB work.*util/.test(rest)) {
      return { prefix: line.slice(0, m.index), rest };
    }
  }
  return undefined;
}

/**
 * gctrace lines (and `GC forced` / gctrace=2 `scan:` lines), gcpacertrace `pacer:` lines and
 * scavtrace `scav` lines are taken out; everything else is returned as the program's stderr,
 * byte for byte.
 */
/** The start of a gctrace line, as far as a cut one is sure to reach. */
const CUT_GC_LINE = /^gc \d+ @\d+\.\d+s \d+%/;

export function parseRuntimeStderr(stderr: string): { gc: GcResult; programStderr: string } {
  const cycles: GcCycle[] = [];
  const pacer: string[] = [];
  const scavenger: string[] = [];
  const kept: string[] = [];
  let afterGcLine = false;
  // The program's unfinished line, to be joined with its continuation after the runtime line.
  let pending = '';

  for (const rawLine of stderr.split('\n')) {
    const cr = rawLine.endsWith('\r');
    const line = cr ? rawLine.slice(0, -1) : rawLine;
    const embedded = classify(line, afterGcLine) ? undefined : splitEmbedded(line);
    const runtimeLine = embedded ? embedded.rest : line;
    const r = classify(runtimeLine, afterGcLine);
    // Scan statistics follow a gc line and each other.
    afterGcLine = r?.type === 'gc' || (afterGcLine && r?.type === 'drop');
    if (!r) {
      kept.push(pending + rawLine);
      pending = '';
      continue;
    }
    if (embedded) pending += embedded.prefix;
    if (r.type === 'gc') cycles.push(r.cycle);
    else if (r.type === 'pacer') pacer.push(runtimeLine);
    else if (r.type === 'scav') scavenger.push(runtimeLine);
  }
  if (pending !== '') kept.push(pending);
  // The process exited while the runtime was still writing its last gc line: no newline came.
  const last = kept.at(-1);
  const cutShort =
    !stderr.endsWith('\n') && last !== undefined && CUT_GC_LINE.test(last) ? kept.pop() : undefined;
  return {
    gc: {
      cycles,
      summary: summarizeGc(cycles),
      pacer,
      scavenger,
      ...(cutShort !== undefined ? { cutShort } : {}),
    },
    programStderr: kept.join('\n'),
  };
}
