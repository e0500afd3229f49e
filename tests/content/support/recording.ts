/**
 * How a recorded result may differ from a fresh one and still count as the same answer.
 *
 * Compared: whether it compiled, the compile errors (line and message), every decision's
 * file, line, kind and subject, the benchmark names, and for run mode the stdout with every
 * number masked. Numbers are masked because snippets print heap sizes, cycle counts and
 * timings that vary from run to run; the words and the number of lines must still match. Not
 * compared: timings, GC cycle figures, benchmark figures (claims check those as shapes).
 */
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';

const baseName = (f: string) => f.replace(/^.*\//, '');

function decisionKeys(r: AnalyzeResponse): string[] {
  return r.decisions.map((d) => `${baseName(d.file)}:${d.line} ${d.kind} ${d.subject}`).sort();
}

function errorKeys(r: AnalyzeResponse): string[] {
  return r.compileErrors.map((e) => `${baseName(e.file)}:${e.line} ${e.message}`).sort();
}

/** Multiset difference, as "+ key" (only in now) and "- key" (only in recorded). */
function diffLists(label: string, recorded: string[], now: string[]): string[] {
  const left = [...now];
  const missing: string[] = [];
  for (const k of recorded) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else missing.push(k);
  }
  return [...missing.map((k) => `${label} - ${k}`), ...left.map((k) => `${label} + ${k}`)];
}

export const maskNumbers = (text: string): string => text.replace(/\d+(\.\d+)?/g, '#');

/** Human-readable differences; empty when the recording still holds. */
export function recordingDifferences(recorded: AnalyzeResponse, now: AnalyzeResponse): string[] {
  const out: string[] = [];
  if (recorded.ok !== now.ok) out.push(`ok: recorded ${recorded.ok}, now ${now.ok}`);
  out.push(...diffLists('compile error', errorKeys(recorded), errorKeys(now)));
  out.push(...diffLists('decision', decisionKeys(recorded), decisionKeys(now)));
  const benches = (r: AnalyzeResponse) => (r.bench?.results ?? []).map((b) => b.name).sort();
  out.push(...diffLists('benchmark', benches(recorded), benches(now)));
  if (recorded.request.mode === 'run') {
    const a = maskNumbers(recorded.run?.stdout.text ?? '');
    const b = maskNumbers(now.run?.stdout.text ?? '');
    if (a !== b)
      out.push(`stdout (numbers masked): recorded ${JSON.stringify(a)}, now ${JSON.stringify(b)}`);
  }
  return out;
}
