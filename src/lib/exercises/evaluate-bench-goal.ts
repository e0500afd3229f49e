/**
 * Goals judged on a bench run of the learner's code: the hidden checks passed (`checks-pass`) and
 * a figure a hidden benchmark reported (`check-metric`). Evidence is what test2json attributed to
 * the checker's own benchmarks and what their proofs vouch for (authenticate.ts).
 */
import type { AnalyzeResponse, BenchLine } from '@go-memory-lab/sandbox-api/protocol';
import { attributedBenchLine } from '../claims/bench-line.ts';
import { compare } from '../claims/compare.ts';
import { median } from '../claims/median.ts';
import type { Goal } from './goal-schema.ts';
import { goalVariant } from './plan.ts';
import { reason, reasonList, type Reason } from './reason.ts';
import { describeVariant } from './variant.ts';
import {
  cannotJudge,
  START,
  unusable,
  YOURS,
  type GoalContext,
  type GoalVerdict,
} from './verdict.ts';

/** The one result line test2json attributed to `benchmark`, or why there is none. */
export function benchLine(r: AnalyzeResponse, benchmark: string): BenchLine | Reason {
  const line = attributedBenchLine(r, benchmark);
  if (!('problem' in line)) return line;
  switch (line.problem) {
    case 'failed':
      return line.logged
        ? reason('benchFailedSaying', { benchmark, text: line.logged })
        : reason('benchFailed', { benchmark });
    case 'several':
      return reason('benchLines', { benchmark, count: line.count });
    case 'none':
      return reason('benchNone', { benchmark });
  }
}

const isReason = (x: BenchLine | Reason | number): x is Reason =>
  typeof x === 'object' && 'code' in x;

/** Whether a bench-mode result can be read at all; a failed check is a reason, not a crash. */
function benchUnusable(r: AnalyzeResponse | undefined, what: Reason): Reason | undefined {
  if (!r) return reason('notRun', { what });
  if (!r.ok) return unusable(r, what);
  if (r.run?.killedReason) return reason('stopped', { what, why: r.run.killedReason });
  if (!r.bench) return reason('notBench', { what });
  return undefined;
}

/** A verdict when a bench run's evidence is not the checker's own (authenticate.ts). */
export function benchProblem(
  runs: readonly (AnalyzeResponse | undefined)[],
  ctx: GoalContext,
  what: Reason,
): GoalVerdict | undefined {
  for (const r of runs) {
    const p = r && ctx.results.problem(r);
    if (p?.code === 'forged-result')
      return { met: false, reason: reason('forged', { what, benchmark: p.benchmark }) };
    if (p?.code === 'incomplete-run') return cannotJudge(reason('incomplete', { what }));
  }
  return undefined;
}

export function checksPass(
  goal: Extract<Goal, { type: 'checks-pass' }>,
  ctx: GoalContext,
): GoalVerdict {
  const r = ctx.results.first('current', goalVariant(goal, ctx.base));
  const bad = benchUnusable(r, YOURS);
  if (bad || !r) return { met: false, reason: bad ?? reason('notRun', { what: YOURS }) };
  const problem = benchProblem([r], ctx, YOURS);
  if (problem) return problem;
  const failed = goal.benchmarks.map((b) => benchLine(r, b)).filter(isReason);
  if (failed.length > 0) {
    const anyFailed = goal.benchmarks.some((b) => r.bench?.failed?.includes(b));
    return anyFailed ? { met: false, reason: reasonList(failed) } : cannotJudge(reasonList(failed));
  }
  if (!r.bench?.passed || r.run?.exitCode !== 0)
    return {
      met: false,
      reason: reason('testFailed', { status: r.run?.exitCode ?? r.run?.signal ?? '' }),
    };
  return { met: true, reason: reason('checksPassed', { names: goal.benchmarks.join(', ') }) };
}

type CheckMetric = Extract<Goal, { type: 'check-metric' }>;

/** The figure one run reported, or why it cannot be read. */
function metricOf(
  r: AnalyzeResponse | undefined,
  goal: CheckMetric,
  what: Reason,
): number | Reason {
  const bad = benchUnusable(r, what);
  if (bad || !r) return bad ?? reason('notRun', { what });
  const line = benchLine(r, goal.benchmark);
  if (isReason(line)) return reason('whose', { what, problem: line });
  const v = line.extra[goal.metric];
  return v === undefined
    ? reason('whose', {
        what,
        problem: reason('noMetric', { benchmark: goal.benchmark, metric: goal.metric }),
      })
    : v;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function checkMetric(goal: CheckMetric, ctx: GoalContext): GoalVerdict {
  const v = goalVariant(goal, ctx.base);
  const judgedBy = reason(goal.ofStart !== undefined ? 'judgedMetricStart' : 'judgedMetric', {
    runs: goal.runs,
    variant: describeVariant(v),
  });
  const problem = benchProblem(ctx.results.all('current', v) ?? [], ctx, YOURS);
  if (problem) return { ...problem, judgedBy };
  const mine = (ctx.results.all('current', v) ?? []).map((r) => metricOf(r, goal, YOURS));
  const brokenMine = mine.find(isReason);
  if (mine.length === 0 || brokenMine) {
    // Code that does not compile or fails its run is the learner's failure; a run that simply
    // reported nothing (stdout closed, exited early) leaves nothing to judge.
    const r = ctx.results.first('current', v);
    const failed = r && (!r.ok || r.bench?.failed?.includes(goal.benchmark));
    const why = brokenMine ?? reason('notRun', { what: YOURS });
    return failed ? { met: false, reason: why, judgedBy } : { ...cannotJudge(why), judgedBy };
  }
  const mineN = mine as number[];
  const med = median(mineN);
  let limit = goal.value ?? 0;
  let need = reason('needValue', { op: goal.op, value: goal.value ?? 0 });
  if (goal.ofStart !== undefined) {
    const theirs = (ctx.results.all('start', v) ?? []).map((r) => metricOf(r, goal, START));
    const broken = theirs.find(isReason);
    if (theirs.length === 0 || broken)
      return { ...cannotJudge(broken ?? reason('notRun', { what: START })), judgedBy };
    const startMed = median(theirs as number[]);
    limit = goal.ofStart * startMed;
    need = reason('needOfStart', {
      op: goal.op,
      limit: round(limit),
      factor: goal.ofStart,
      median: round(startMed),
      runs: (theirs as number[]).map(round).join(', '),
    });
  }
  return {
    met: compare(med, goal.op, limit),
    reason: reason('metric', {
      median: round(med),
      metric: goal.metric,
      runs: mineN.map(round).join(', '),
      need,
    }),
    judgedBy,
  };
}
