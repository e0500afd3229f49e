/**
 * The one benchmark result line a judge may read, shared by chapter claims and exercise goals:
 * test2json attributed it to the benchmark, the benchmark did not fail, and it is the only such
 * line (two means the program printed a look-alike of its own).
 */
import type { AnalyzeResponse, BenchLine } from '@go-memory-lab/sandbox-api/protocol';

export interface BenchProblem {
  problem: 'failed' | 'several' | 'none';
  reason: string;
}

/** Benchmarks print as `BenchmarkX-2`; the suffix is GOMAXPROCS, not part of the name. */
export const benchBaseName = (name: string): string => name.replace(/-\d+$/, '');

/** The attributed result line of `benchmark`, or what stands in the way of reading one. */
export function attributedBenchLine(
  r: AnalyzeResponse,
  benchmark: string,
): BenchLine | BenchProblem {
  const lines = (r.bench?.results ?? []).filter((b) => benchBaseName(b.name) === benchmark);
  if (r.bench?.failed?.includes(benchmark))
    return { problem: 'failed', reason: `${benchmark} failed${failureText(r, benchmark)}` };
  if (lines.length > 1)
    return {
      problem: 'several',
      reason: `${benchmark} reported ${lines.length} result lines; cannot tell which is real`,
    };
  const line = lines[0];
  if (!line) return { problem: 'none', reason: `${benchmark} reported no result` };
  return line;
}

/** The first message a failed benchmark logged (`    check_test.go:12: …`), for the reason. */
function failureText(r: AnalyzeResponse, benchmark: string): string {
  const text = r.run?.stdout.text ?? '';
  const at = text.indexOf(`--- FAIL: ${benchmark}`);
  const before = at < 0 ? '' : text.slice(0, at);
  const logged = before
    .split('\n')
    .reverse()
    .find((l) => /^\s+\S+_test\.go:\d+: /.test(l));
  return logged ? `: ${logged.trim().replace(/^\S+_test\.go:\d+: /, '')}` : '';
}
