/**
 * The one benchmark result line a judge may read, shared by chapter claims and exercise goals:
 * test2json attributed it to the benchmark, the benchmark did not fail, and it is the only such
 * line (two means the program printed a look-alike of its own).
 */
import type { AnalyzeResponse, BenchLine } from '@go-memory-lab/sandbox-api/protocol';

/** Why no figure can be read; words are the caller's (claims speak English, goals use the catalogues). */
export type BenchProblem =
  | { problem: 'failed'; logged?: string }
  | { problem: 'several'; count: number }
  | { problem: 'none' };

/** Benchmarks print as `BenchmarkX-2`; the suffix is GOMAXPROCS, not part of the name. */
export const benchBaseName = (name: string): string => name.replace(/-\d+$/, '');

/** The attributed result line of `benchmark`, or what stands in the way of reading one. */
export function attributedBenchLine(
  r: AnalyzeResponse,
  benchmark: string,
): BenchLine | BenchProblem {
  const lines = (r.bench?.results ?? []).filter((b) => benchBaseName(b.name) === benchmark);
  if (r.bench?.failed?.includes(benchmark)) {
    const logged = failureText(r, benchmark);
    return logged ? { problem: 'failed', logged } : { problem: 'failed' };
  }
  if (lines.length > 1) return { problem: 'several', count: lines.length };
  const line = lines[0];
  return line ?? { problem: 'none' };
}

/** The English reason for a chapter claim. */
export function benchProblemText(benchmark: string, p: BenchProblem): string {
  switch (p.problem) {
    case 'failed':
      return `${benchmark} failed${p.logged ? `: ${p.logged}` : ''}`;
    case 'several':
      return `${benchmark} reported ${p.count} result lines; cannot tell which is real`;
    case 'none':
      return `${benchmark} reported no result`;
  }
}

/** The first message a failed benchmark logged (`    check_test.go:12: …`), for the reason. */
function failureText(r: AnalyzeResponse, benchmark: string): string | undefined {
  const text = r.run?.stdout.text ?? '';
  const at = text.indexOf(`--- FAIL: ${benchmark}`);
  const before = at < 0 ? '' : text.slice(0, at);
  const logged = before
    .split('\n')
    .reverse()
    .find((l) => /^\s+\S+_test\.go:\d+: /.test(l));
  return logged?.trim().replace(/^\S+_test\.go:\d+: /, '');
}
