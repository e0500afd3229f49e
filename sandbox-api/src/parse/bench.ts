/**
 * `go test -bench . -benchmem` stdout → one record per benchmark line.
 */
import type { BenchLine } from '../protocol.ts';

export interface BenchResult {
  results: BenchLine[];
  /** A PASS or ok line was printed and no FAIL line. */
  passed: boolean;
}

// `BenchmarkName[-procs] <tab> iterations <tab> value unit <tab> value unit …`
const BENCH_LINE = /^(Benchmark\S*)\s+(\d+)\s+(.+)$/;
const PAIR = /([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s+(\S+)/g;

export function parseBenchLine(raw: string): BenchLine | undefined {
  const line = raw.trimEnd();
  const m = BENCH_LINE.exec(line);
  if (!m) return undefined;
  const metrics = new Map<string, number>();
  for (const [, value, unit] of m[3]!.matchAll(PAIR)) metrics.set(unit!, Number(value));
  const ns = metrics.get('ns/op');
  if (ns === undefined) return undefined;
  // The -N suffix is GOMAXPROCS; it is absent when GOMAXPROCS is 1.
  const procs = /^(.*)-(\d+)$/.exec(m[1]!);
  const result: BenchLine = {
    name: procs ? procs[1]! : m[1]!,
    iterations: Number(m[2]),
    nsPerOp: ns,
    extra: {},
    raw: line,
  };
  if (procs) result.procs = Number(procs[2]);
  for (const [unit, value] of metrics) {
    if (unit === 'ns/op') continue;
    else if (unit === 'B/op') result.bytesPerOp = value;
    else if (unit === 'allocs/op') result.allocsPerOp = value;
    else result.extra[unit] = value;
  }
  return result;
}

export function parseBenchOutput(stdout: string): BenchResult {
  const results: BenchLine[] = [];
  let pass = false;
  let fail = false;
  for (const raw of stdout.split(/\r?\n/)) {
    const b = parseBenchLine(raw);
    if (b) {
      results.push(b);
      continue;
    }
    if (/^(PASS$|ok\s)/.test(raw)) pass = true;
    if (/^(FAIL\b|--- FAIL:|panic:)/.test(raw.trimStart())) fail = true;
  }
  return { results, passed: pass && !fail };
}
