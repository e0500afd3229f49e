/**
 * Claims about what the program did when it ran: benchmark allocations, GC figures from gctrace
 * (alone or against another run), and stdout.
 */
import type { AnalyzeResponse } from '../../../sandbox-api/src/protocol.ts';
import { compare } from './compare.ts';
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

/** Benchmarks print as `BenchmarkX-2`; the suffix is GOMAXPROCS, not part of the name. */
const benchName = (name: string) => name.replace(/-\d+$/, '');

export function benchClaim(claim: ClaimOf<'bench'>, result: AnalyzeResponse): ClaimVerdict {
  const lines = result.bench?.results ?? [];
  const line = lines.find((b) => benchName(b.name) === claim.benchmark);
  if (!line) {
    const names = lines.map((b) => benchName(b.name));
    const seen =
      names.length > 0
        ? `; it printed ${names.join(', ')}`
        : result.bench
          ? ''
          : ' (not run in bench mode)';
    return { met: false, reason: `no result for ${claim.benchmark}${seen}` };
  }
  // Evidence the program cannot print for itself: test2json's verdict for the benchmark and
  // the package, and one attributed result line (two means the code printed a look-alike).
  if (result.bench?.failed?.includes(line.name))
    return { met: false, reason: `${claim.benchmark} failed: \`${line.raw.trim()}\`` };
  if (!result.bench?.passed)
    return { met: false, reason: `the benchmark run did not pass (go test reported FAIL)` };
  if (lines.filter((b) => benchName(b.name) === claim.benchmark).length > 1)
    return {
      met: false,
      reason: `${claim.benchmark} reported more than one result line; cannot tell which is real`,
    };
  const value = line[claim.metric];
  const unit = claim.metric === 'allocsPerOp' ? 'allocs/op' : 'B/op';
  if (value === undefined)
    return { met: false, reason: `${line.raw.trim()} has no ${unit} (was -benchmem on?)` };
  const met = compare(value, claim.op, claim.value);
  return {
    met,
    reason: `${value} ${unit} ${met ? '' : 'is not '}${claim.op} ${claim.value}: \`${line.raw.trim()}\``,
  };
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

export function gcClaim(claim: ClaimOf<'gc'>, result: AnalyzeResponse): ClaimVerdict {
  const failed = gcFailure(result);
  if (failed) return { met: false, reason: failed };
  const value = gcFigure(result, claim.metric);
  if (value === undefined) return { met: false, reason: 'no gctrace output was parsed' };
  const met = compare(value, claim.op, claim.value);
  return {
    met,
    reason: `${value} ${UNITS[claim.metric]}, ${met ? '' : 'not '}${claim.op} ${claim.value}${lastLine(result)}`,
  };
}

export function gcCompareClaim(
  claim: ClaimOf<'gc-compare'>,
  result: AnalyzeResponse,
  than: AnalyzeResponse | undefined,
): ClaimVerdict {
  if (!than) return { met: false, reason: 'the comparison run is missing' };
  const failed = gcFailure(result) ?? gcFailure(than);
  if (failed) return { met: false, reason: failed };
  const a = gcFigure(result, claim.metric);
  const b = gcFigure(than, claim.metric);
  if (a === undefined || b === undefined)
    return { met: false, reason: 'no gctrace output was parsed' };
  const met = compare(a, claim.op, b);
  const env = (r: AnalyzeResponse) =>
    Object.entries(r.request.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'defaults';
  return {
    met,
    reason: `${a} ${UNITS[claim.metric]} (${env(result)}) ${met ? '' : 'is not '}${claim.op} ${b} (${env(than)})`,
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
