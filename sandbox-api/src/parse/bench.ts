/**
 * `go test -bench . -benchmem` output → one record per benchmark line: from plain text
 * (captured fixtures, older results) or, as the service runs it, from `go test -json` events.
 */
import { z } from 'zod';
import type { BenchLine } from '../protocol.ts';

export interface BenchResult {
  results: BenchLine[];
  /** A PASS or ok line was printed and no FAIL line. */
  passed: boolean;
  /** Benchmarks test2json reported as failed (from `-json` output only). */
  failed?: string[];
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

/** One test2json event (cmd/test2json's TestEvent plus go test's build events). */
const TestEventSchema = z.object({
  Action: z.string(),
  Package: z.string().optional(),
  Test: z.string().optional(),
  Output: z.string().optional(),
});

export interface TestJsonResult extends BenchResult {
  failed: string[];
  /** Every `output` and `build-output` text in order: what `go test` without -json prints. */
  text: string;
}

/**
 * `go test -json -bench .` stdout. The program under test writes to the same stdout, so a line
 * that merely looks like a result is not one: a result counts only when test2json attributes it
 * to the benchmark that was running (`Test` set), and the verdict comes from the `pass`/`fail`
 * events, where any `fail` for a name wins over a `pass` (a program can print test2json's
 * framing marker, not undo the real failure printed after it). A benchmark reported twice keeps
 * both lines so a judge can refuse it. Lines that are not JSON are kept as text only.
 */
export function parseTestJson(stdout: string): TestJsonResult {
  const results: BenchLine[] = [];
  const failed = new Set<string>();
  let text = '';
  let pkgPassed = false;
  let pkgFailed = false;
  // Output arrives in pieces (a result line is split after the name); join per benchmark.
  const pending = new Map<string, string>();
  const flush = (test: string, final: boolean) => {
    const buf = pending.get(test) ?? '';
    const lines = buf.split('\n');
    const rest = final ? '' : (lines.pop() ?? '');
    for (const line of final ? lines.filter((l) => l !== '') : lines) {
      const b = parseBenchLine(line);
      if (b?.name === test) results.push(b);
    }
    pending.set(test, rest);
  };
  for (const raw of stdout.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      text += `${raw}\n`;
      continue;
    }
    const ev = TestEventSchema.safeParse(json);
    if (!ev.success) continue;
    const { Action, Test, Output } = ev.data;
    if ((Action === 'output' || Action === 'build-output') && Output !== undefined) {
      // -json implies -v: leave out its `=== RUN` and bare-name lines so the text reads like
      // the plain `go test -bench` output shown before.
      if (Test !== undefined && (Output === `=== RUN   ${Test}\n` || Output === `${Test}\n`))
        continue;
      text += Output;
      if (Test !== undefined) {
        pending.set(Test, (pending.get(Test) ?? '') + Output);
        flush(Test, false);
      }
    } else if (Action === 'fail' || Action === 'build-fail') {
      if (Test !== undefined) failed.add(Test);
      else pkgFailed = true;
    } else if (Action === 'pass' && Test === undefined) {
      pkgPassed = true;
    }
  }
  for (const test of pending.keys()) flush(test, true);
  return {
    results,
    passed: pkgPassed && !pkgFailed && failed.size === 0,
    failed: [...failed],
    text,
  };
}
