/**
 * Judges one goal against the analyses of a check. Claim goals go to the chapter claims'
 * evaluator; the exercise-only goals are judged here. Every verdict carries the compiler's or
 * runtime's own words, and GC goals also say how they were judged.
 */
import type { AnalyzeResponse, Decision, SourceFile } from '../../../sandbox-api/src/protocol.ts';
import { evaluateClaim } from '../claims/evaluate.ts';
import { describeHeapDecision, describeLeak } from './flow-text.ts';
import type { Goal } from './goal-schema.ts';
import { goalVariant } from './plan.ts';
import type { RunResults } from './results.ts';
import { findFuncSignature, findMarkerLines } from './source-scan.ts';
import { applyOverride, describeVariant, type Variant } from './variant.ts';

export interface GoalVerdict {
  met: boolean;
  /** Why, in the compiler's or runtime's words. */
  reason: string;
  /** How a statistical goal was judged (runs, medians, knobs); absent for compile-time goals. */
  judgedBy?: string;
}

export interface GoalContext {
  /** The exercise's own options. */
  base: Variant;
  /** The learner's code as checked. */
  files: readonly SourceFile[];
  results: RunResults;
}

const HEAP_KINDS: ReadonlySet<Decision['kind']> = new Set(['moved-to-heap', 'escapes-to-heap']);

const baseName = (f: string) => f.replace(/^.*\//, '');

function decisionsIn(r: AnalyzeResponse, file: string): Decision[] {
  return r.decisions.filter((d) => baseName(d.file) === baseName(file));
}

/** Why a result cannot be judged at all (compile error, crash), or undefined when it can. */
export function unusable(r: AnalyzeResponse | undefined, what: string): string | undefined {
  if (!r) return `${what} was not analysed`;
  if (!r.ok) {
    const e = r.compileErrors[0];
    return e
      ? `${what} does not compile: ${baseName(e.file)}:${e.line}: ${e.message}`
      : `${what} does not compile`;
  }
  if (r.run?.killedReason) return `${what} was stopped: ${r.run.killedReason}`;
  if (r.run && r.run.exitCode !== 0) {
    const err = r.run.stderr.text.trim().split('\n')[0] ?? '';
    return `${what} exited with status ${r.run.exitCode ?? r.run.signal}${err ? `: ${err}` : ''}`;
  }
  return undefined;
}

function noHeapAtMarker(
  goal: Extract<Goal, { type: 'no-heap-at-marker' }>,
  ctx: GoalContext,
): GoalVerdict {
  const src = ctx.files.find((f) => f.name === goal.file);
  const lines = src ? findMarkerLines(src.content, goal.marker) : [];
  if (lines.length === 0) {
    return {
      met: false,
      reason: `no line in ${goal.file} carries the \`// ${goal.marker}\` comment any more; put it back on the line to check`,
    };
  }
  const r = ctx.results.first('current', ctx.base);
  const bad = unusable(r, 'your code');
  if (bad || !r) return { met: false, reason: bad ?? 'not analysed' };
  const heap = decisionsIn(r, goal.file).filter(
    (d) => lines.includes(d.line) && HEAP_KINDS.has(d.kind),
  );
  if (heap.length > 0) return { met: false, reason: heap.map(describeHeapDecision).join('; ') };
  const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
  return {
    met: true,
    reason: `no heap decision on ${where}: the compiler keeps ${lines.length === 1 ? 'it' : 'them'} on the stack`,
  };
}

function paramDoesNotLeak(
  goal: Extract<Goal, { type: 'param-does-not-leak' }>,
  ctx: GoalContext,
): GoalVerdict {
  const src = ctx.files.find((f) => f.name === goal.file);
  const sig = src ? findFuncSignature(src.content, goal.function) : undefined;
  if (!sig) return { met: false, reason: `no function \`${goal.function}\` in ${goal.file}` };
  const r = ctx.results.first('current', ctx.base);
  const bad = unusable(r, 'your code');
  if (bad || !r) return { met: false, reason: bad ?? 'not analysed' };
  const kinds: Decision['kind'][] = ['leaking-param', 'leaking-param-to-result'];
  if (goal.includeContent) kinds.push('leaking-param-content');
  const inSig = decisionsIn(r, goal.file).filter(
    (d) => d.line >= sig.start && d.line <= sig.end && d.subject === goal.param,
  );
  const leaks = inSig.filter((d) => kinds.includes(d.kind));
  if (leaks.length > 0) return { met: false, reason: leaks.map(describeLeak).join('; ') };
  const said = inSig[0];
  return {
    met: true,
    reason: said
      ? `line ${said.line}: ${said.message}`
      : `no leak reported for \`${goal.param}\` of \`${goal.function}\``,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function fewerGcCycles(
  goal: Extract<Goal, { type: 'fewer-gc-cycles-than-start' }>,
  ctx: GoalContext,
): GoalVerdict {
  const v = goalVariant(goal, ctx.base);
  const judgedBy = `${goal.runs} run${goal.runs === 1 ? '' : 's'} each of the start version and yours (${describeVariant(v)}), medians of the gctrace cycle counts compared`;
  const cur = ctx.results.all('current', v) ?? [];
  const start = ctx.results.all('start', v) ?? [];
  for (const [runs, what] of [
    [cur, 'your code'],
    [start, 'the start version'],
  ] as const) {
    for (const r of runs) {
      const bad = unusable(r, what);
      if (bad) return { met: false, reason: bad, judgedBy };
    }
    if (runs.length === 0) return { met: false, reason: `${what} was not run`, judgedBy };
  }
  const counts = (rs: readonly AnalyzeResponse[]) => rs.map((r) => r.gc?.summary.cycles ?? 0);
  const mine = median(counts(cur));
  const theirs = median(counts(start));
  const limit = goal.atMostFraction === undefined ? undefined : theirs * goal.atMostFraction;
  const met = limit === undefined ? mine < theirs : mine <= limit;
  const need =
    limit === undefined
      ? `fewer than ${theirs}`
      : `at most ${limit} (${goal.atMostFraction} × ${theirs})`;
  return {
    met,
    reason: `median ${mine} GC cycles (runs: ${counts(cur).join(', ')}) against the start's median ${theirs} (runs: ${counts(start).join(', ')}); needed ${need}`,
    judgedBy,
  };
}

function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      return `line ${i + 1} of stdout is ${JSON.stringify(al[i] ?? '(missing)')}, the start printed ${JSON.stringify(bl[i] ?? '(nothing)')}`;
    }
  }
  return 'stdout differs';
}

function outputUnchanged(
  goal: Extract<Goal, { type: 'output-unchanged' }>,
  ctx: GoalContext,
): GoalVerdict {
  const v = goalVariant(goal, ctx.base);
  const cur = ctx.results.first('current', v);
  const start = ctx.results.first('start', v);
  const bad = unusable(cur, 'your code') ?? unusable(start, 'the start version');
  if (bad || !cur?.run || !start?.run)
    return { met: false, reason: bad ?? 'no program output to compare' };
  const mine = cur.run.stdout.text;
  const theirs = start.run.stdout.text;
  if (mine === theirs) {
    const n = mine.split('\n').filter(Boolean).length;
    return {
      met: true,
      reason: `stdout is identical to the start version's (${n} line${n === 1 ? '' : 's'})`,
    };
  }
  return { met: false, reason: firstDifference(mine, theirs) };
}

/** A GC figure judged on each run; the goal is met when most runs meet it. */
function gcByMajority(
  goal: Extract<Goal, { type: 'gc' }>,
  runs: readonly AnalyzeResponse[],
  v: Variant,
): GoalVerdict {
  const judgedBy = `${runs.length} run${runs.length === 1 ? '' : 's'} of your code (${describeVariant(v)}), met when most runs meet it`;
  const verdicts = runs.map((r) => unusable(r, 'your code') ?? evaluateClaim(goal, r));
  const firstBroken = verdicts.find((x) => typeof x === 'string');
  if (typeof firstBroken === 'string') return { met: false, reason: firstBroken, judgedBy };
  const judged = verdicts.filter((x) => typeof x !== 'string');
  const metCount = judged.filter((x) => x.met).length;
  const met = metCount * 2 > judged.length;
  const shown = judged.find((x) => x.met === met) ?? judged[0];
  return { met, reason: `${metCount} of ${judged.length} runs: ${shown?.reason ?? ''}`, judgedBy };
}

/** Judges one goal; never throws for a bad result, it explains it instead. */
export function evaluateGoal(goal: Goal, ctx: GoalContext): GoalVerdict {
  switch (goal.type) {
    case 'no-heap-at-marker':
      return noHeapAtMarker(goal, ctx);
    case 'param-does-not-leak':
      return paramDoesNotLeak(goal, ctx);
    case 'fewer-gc-cycles-than-start':
      return fewerGcCycles(goal, ctx);
    case 'output-unchanged':
      return outputUnchanged(goal, ctx);
    default: {
      const v = goalVariant(goal, ctx.base);
      const r = ctx.results.first('current', v);
      if (!r) return { met: false, reason: 'your code was not analysed with these options' };
      if (!r.ok && goal.type !== 'compile-error')
        return { met: false, reason: unusable(r, 'your code') ?? 'does not compile' };
      if (goal.type === 'gc') return gcByMajority(goal, ctx.results.all('current', v) ?? [r], v);
      const than =
        goal.type === 'gc-compare'
          ? ctx.results.first('current', applyOverride(v, goal.than))
          : undefined;
      const verdict = evaluateClaim(goal, r, than ? { than } : undefined);
      return goal.type === 'gc-compare'
        ? { ...verdict, judgedBy: `one run of your code (${describeVariant(v)})` }
        : verdict;
    }
  }
}
