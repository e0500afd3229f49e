/**
 * Claims about what the program did when it ran: benchmark allocations, GC figures from gctrace
 * (alone or against another run), and stdout.
 */
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { attributedBenchLine, benchBaseName, benchProblemText } from './bench-line.ts';
import { compare } from './compare.ts';
import { median } from './median.ts';
import type { Claim } from './schema.ts';
import type { ClaimVerdict } from './verdict.ts';

type ClaimOf<T extends Claim['type']> = Extract<Claim, { type: T }>;
type GcMetric = ClaimOf<'gc'>['metric'];

/** Why a run says nothing (not run, killed, crashed), or undefined when it can be judged. */
export function runFailure(result: AnalyzeResponse): string | undefined {
  const run = result.run;
  if (!run) return `the program was not run (mode ${result.request.mode})`;
  if (run.killedReason) return `the program was stopped: ${run.killedReason}`;
  if (run.exitCode !== 0) {
    const err = run.stderr.text.trim().split('\n')[0] ?? '';
    return `the program exited with status ${run.exitCode ?? run.signal}${err ? `: ${err}` : ''}`;
  }
  return undefined;
}

/** GC figures come from gctrace, which only run mode turns on. */
function gcFailure(result: AnalyzeResponse): string | undefined {
  if (result.request.mode !== 'run') {
    return `GC figures come from gctrace in run mode; this result is mode ${result.request.mode}`;
  }
  return runFailure(result);
}

/** One benchmark's figure in one run, or why there is none. */
function benchFigure(
  claim: ClaimOf<'bench'>,
  result: AnalyzeResponse,
): { value: number; raw: string } | { missing: string } {
  const line = attributedBenchLine(result, claim.benchmark);
  if ('problem' in line) {
    const why = benchProblemText(claim.benchmark, line);
    if (line.problem !== 'none') return { missing: why };
    const names = (result.bench?.results ?? []).map((b) => benchBaseName(b.name));
    const seen =
      names.length > 0
        ? `; it printed ${names.join(', ')}`
        : result.bench
          ? ''
          : ' (not run in bench mode)';
    return { missing: `${why}${seen}` };
  }
  // The line alone could be printed by the program; go test's own verdict for the package
  // cannot.
  if (!result.bench?.passed)
    return { missing: `the benchmark run did not pass (go test reported FAIL)` };
  const value = line[claim.metric];
  const unit = claim.metric === 'allocsPerOp' ? 'allocs/op' : 'B/op';
  if (value === undefined)
    return { missing: `${line.raw.trim()} has no ${unit} (was -benchmem on?)` };
  return { value, raw: line.raw.trim() };
}

/**
 * `runs` holds every run of the claim's variant (the result first); with more than one, the
 * median is compared, because allocs/op is an integer average that can differ between runs.
 */
export function benchClaim(
  claim: ClaimOf<'bench'>,
  result: AnalyzeResponse,
  runs: readonly AnalyzeResponse[] = [result],
): ClaimVerdict {
  const m = benchMedian(claim, runs);
  if ('missing' in m) return { met: false, reason: m.missing };
  const { value, values, unit, raw } = m;
  const met = compare(value, claim.op, claim.value);
  const over = values.length > 1 ? ` (median of ${values.length} runs: ${values.join(', ')})` : '';
  return {
    met,
    reason: `${value} ${unit}${over} ${met ? '' : 'is not '}${claim.op} ${claim.value}: \`${raw}\``,
  };
}

/**
 * A bench claim's figure as data (the median over `runs`, each run's value, the first run's
 * line), so a goal can word it in the page's language; or why there is none, in English.
 */
export function benchMedian(
  claim: ClaimOf<'bench'>,
  runs: readonly AnalyzeResponse[],
): { value: number; values: number[]; unit: string; raw: string } | { missing: string } {
  const figures = runs.map((r) => benchFigure(claim, r));
  const values: number[] = [];
  for (const f of figures) {
    if ('missing' in f) return f;
    values.push(f.value);
  }
  const first = figures[0] && 'raw' in figures[0] ? figures[0].raw : '';
  const unit = claim.metric === 'allocsPerOp' ? 'allocs/op' : 'B/op';
  return { value: median(values), values, unit, raw: first };
}

export function gcFigure(result: AnalyzeResponse, metric: GcMetric): number | undefined {
  const gc = result.gc;
  if (!gc) return undefined;
  if (metric === 'maxGoalMB') return Math.max(0, ...gc.cycles.map((c) => c.goalMB));
  return gc.summary[metric];
}

const UNITS: Record<GcMetric, string> = {
  cycles: 'GC cycles',
  forcedCycles: 'forced GC cycles',
  peakHeapMB: 'MB peak heap',
  maxGoalMB: 'MB largest heap goal',
};

/** The last gctrace line, so a reason shows what the runtime printed. */
function lastLine(result: AnalyzeResponse): string {
  const raw = result.gc?.cycles.at(-1)?.raw;
  return raw ? ` (last gctrace line: \`${raw.trim()}\`)` : '';
}

/** The median of a GC figure over runs, with the per-run values; or why there is none. */
function gcMedian(
  runs: readonly AnalyzeResponse[],
  metric: GcMetric,
): { value: number; values: number[] } | { missing: string } {
  const values: number[] = [];
  for (const r of runs) {
    const failed = gcFailure(r);
    if (failed) return { missing: failed };
    const v = gcFigure(r, metric);
    if (v === undefined) return { missing: 'no gctrace output was parsed' };
    values.push(v);
  }
  return { value: median(values), values };
}

const overRuns = (values: readonly number[]) =>
  values.length > 1 ? ` (median of ${values.length} runs: ${values.join(', ')})` : '';

/** `runs`: every run of the claim's variant, the result first; the median is compared. */
export function gcClaim(
  claim: ClaimOf<'gc'>,
  result: AnalyzeResponse,
  runs: readonly AnalyzeResponse[] = [result],
): ClaimVerdict {
  const m = gcMedian(runs, claim.metric);
  if ('missing' in m) return { met: false, reason: m.missing };
  const met = compare(m.value, claim.op, claim.value);
  return {
    met,
    reason: `${m.value} ${UNITS[claim.metric]}${overRuns(m.values)}, ${met ? '' : 'not '}${claim.op} ${claim.value}${lastLine(result)}`,
  };
}

export function gcCompareClaim(
  claim: ClaimOf<'gc-compare'>,
  result: AnalyzeResponse,
  than: AnalyzeResponse | undefined,
  runs: readonly AnalyzeResponse[] = [result],
  thanRuns: readonly AnalyzeResponse[] = than ? [than] : [],
): ClaimVerdict {
  if (!than || thanRuns.length === 0)
    return { met: false, reason: 'the comparison run is missing' };
  const a = gcMedian(runs, claim.metric);
  if ('missing' in a) return { met: false, reason: a.missing };
  const b = gcMedian(thanRuns, claim.metric);
  if ('missing' in b) return { met: false, reason: b.missing };
  const met = compare(a.value, claim.op, b.value);
  const env = (r: AnalyzeResponse) =>
    Object.entries(r.request.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'defaults';
  return {
    met,
    reason: `${a.value} ${UNITS[claim.metric]}${overRuns(a.values)} (${env(result)}) ${met ? '' : 'is not '}${claim.op} ${b.value}${overRuns(b.values)} (${env(than)})`,
  };
}

export function outputClaim(claim: ClaimOf<'output'>, result: AnalyzeResponse): ClaimVerdict {
  const failed = runFailure(result);
  if (failed) return { met: false, reason: failed };
  const out = result.run?.stdout.text ?? '';
  const problems: string[] = [];
  if (claim.contains !== undefined && !out.includes(claim.contains))
    problems.push(`stdout does not contain ${JSON.stringify(claim.contains)}`);
  if (claim.matches !== undefined && !new RegExp(claim.matches, 'm').test(out))
    problems.push(`stdout does not match /${claim.matches}/`);
  const shown = out.length > 300 ? `${out.slice(0, 300)}…` : out;
  if (problems.length > 0)
    return { met: false, reason: `${problems.join('; ')}; it printed ${JSON.stringify(shown)}` };
  const line = out
    .split('\n')
    .find((l) =>
      claim.contains ? l.includes(claim.contains) : new RegExp(claim.matches ?? '').test(l),
    );
  return { met: true, reason: `stdout: ${JSON.stringify(line ?? shown)}` };
}
