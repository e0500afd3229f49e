/**
 * Judges one goal against the analyses of a check. Claim goals go to the chapter claims'
 * evaluator; the exercise-only goals are judged here. Every verdict carries the compiler's or
 * runtime's own words, and statistical goals also say how they were judged. "No evidence" is
 * never a pass: such a verdict is marked `cannotJudge`.
 */
import type {
  AnalyzeResponse,
  BenchLine,
  Decision,
  SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import { compare } from '../claims/compare.ts';
import { evaluateClaim } from '../claims/evaluate.ts';
import { median } from '../claims/median.ts';
import { describeHeapDecision, describeLeak } from './flow-text.ts';
import type { Goal } from './goal-schema.ts';
import { goalVariant } from './plan.ts';
import type { RunResults } from './results.ts';
import {
  enclosingFunction,
  findFunction,
  findMarkerLines,
  paramAt,
  type FuncSpan,
} from './source-scan.ts';
import { applyOverride, describeVariant, type Variant } from './variant.ts';

export interface GoalVerdict {
  met: boolean;
  /** Why, in the compiler's or runtime's words. */
  reason: string;
  /** How a statistical goal was judged (runs, medians, knobs); absent for compile-time goals. */
  judgedBy?: string;
  /**
   * There was no evidence to judge by (a run that reported nothing, a start version that did
   * not run); never met, and the page says so instead of "not met".
   */
  cannotJudge?: true;
}

function cannotJudge(reason: string): GoalVerdict {
  return { met: false, cannotJudge: true, reason };
}

export interface GoalContext {
  /** The exercise's own options. */
  base: Variant;
  /** The learner's code as checked. */
  files: readonly SourceFile[];
  /** The exercise's start code: its markers name what a goal is about. */
  startFiles: readonly SourceFile[];
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

/**
 * Heap decisions a function-wide comparison counts: variables moved to the heap and allocation
 * expressions (`&T{…}`, `new(…)`, `make(…)`, func literals, conversions). A plain value
 * converted for an `any` argument (`s.Count escapes to heap`) is a copy, not the variable.
 */
function countsAsAllocation(d: Decision): boolean {
  if (d.kind === 'moved-to-heap') return true;
  return d.kind === 'escapes-to-heap' && /^&|^func literal|[({]/.test(d.subject);
}

function heapIn(r: AnalyzeResponse, file: string, fn: FuncSpan): Decision[] {
  return decisionsIn(r, file).filter(
    (d) => d.line >= fn.start && d.line <= fn.end && HEAP_KINDS.has(d.kind),
  );
}

function noHeapAtMarker(
  goal: Extract<Goal, { type: 'no-heap-at-marker' }>,
  ctx: GoalContext,
): GoalVerdict {
  const startSrc = ctx.startFiles.find((f) => f.name === goal.file);
  const marked = startSrc ? findMarkerLines(startSrc.content, goal.marker) : [];
  if (!startSrc || marked.length === 0)
    return cannotJudge(`the exercise's start code has no \`// ${goal.marker}\` line`);
  const start = ctx.results.first('start', ctx.base);
  const cur = ctx.results.first('current', ctx.base);
  const badStart = unusable(start, 'the start version');
  if (badStart || !start) return cannotJudge(badStart ?? 'the start version was not analysed');
  const bad = unusable(cur, 'your code');
  if (bad || !cur) return { met: false, reason: bad ?? 'your code was not analysed' };
  const curSrc = ctx.files.find((f) => f.name === goal.file)?.content ?? '';
  const problems: string[] = [];
  const fine: string[] = [];
  const byFunction = new Map<string, number[]>();
  for (const line of marked) {
    const fn = enclosingFunction(startSrc.content, line);
    if (fn) byFunction.set(fn.name, [...(byFunction.get(fn.name) ?? []), line]);
  }
  for (const [name, lines] of byFunction) {
    const startFn = findFunction(startSrc.content, name)!;
    const startHeap = heapIn(start, goal.file, startFn);
    const targets = startHeap.filter((d) => lines.includes(d.line));
    const subjects = new Set(targets.map((d) => d.subject));
    const curFn = findFunction(curSrc, name);
    if (!curFn) {
      problems.push(`there is no function \`${name}\` in ${goal.file} any more`);
      continue;
    }
    const curHeap = heapIn(cur, goal.file, curFn);
    const named = curHeap.filter((d) => subjects.has(d.subject));
    const before = startHeap.filter(countsAsAllocation).length - targets.length;
    const allowed = before + goal.allowNew;
    const more = goal.allowNew > 0 ? ` and the exercise allows ${goal.allowNew} more` : '';
    const counted = curHeap.filter(countsAsAllocation);
    const what = [...subjects].map((x) => `\`${x}\``).join(', ') || 'the marked values';
    if (named.length > 0) problems.push(named.map(describeHeapDecision).join('; '));
    else if (counted.length > allowed)
      problems.push(
        `${what} no longer escape${subjects.size === 1 ? 's' : ''}, but \`${name}\` now has ${counted.length} heap allocation${counted.length === 1 ? '' : 's'} where the start had ${before} besides them${more}: ${counted.map(describeHeapDecision).join('; ')}`,
      );
    else
      fine.push(
        `${what} stay${subjects.size === 1 ? 's' : ''} on the stack and \`${name}\` has no new heap allocation (${counted.length}; the start had ${before} besides the marked ones${more})`,
      );
  }
  // Moving the allocation into a helper function is not a fix either: count the whole file.
  if (problems.length === 0) {
    const all = (r: AnalyzeResponse) => {
      const seen = new Map<string, Decision>();
      for (const d of decisionsIn(r, goal.file).filter(countsAsAllocation))
        seen.set(`${d.line}:${d.subject}`, d);
      return [...seen.values()];
    };
    const targetCount = all(start).filter((d) => marked.includes(d.line)).length;
    const before = all(start).length - targetCount;
    const mine = all(cur);
    if (mine.length > before + goal.allowNew) {
      const elsewhere = mine.filter(
        (d) => !byFunction.has(enclosingFunction(curSrc, d.line)?.name ?? ''),
      );
      problems.push(
        `${goal.file} now has ${mine.length} heap allocations where the start had ${before} besides the marked ones${goal.allowNew > 0 ? ` (${goal.allowNew} more allowed)` : ''}: ${(elsewhere.length > 0 ? elsewhere : mine).map(describeHeapDecision).join('; ')}`,
      );
    }
  }
  if (problems.length > 0) return { met: false, reason: problems.join('; ') };
  return { met: true, reason: fine.join('; ') };
}

function paramDoesNotLeak(
  goal: Extract<Goal, { type: 'param-does-not-leak' }>,
  ctx: GoalContext,
): GoalVerdict {
  const src = ctx.files.find((f) => f.name === goal.file);
  const fn = src ? findFunction(src.content, goal.function) : undefined;
  if (!src || !fn)
    return { met: false, reason: `no function \`${goal.function}\` in ${goal.file}` };
  const p = paramAt(src.content, goal.function, goal.position);
  if (!p)
    return {
      met: false,
      reason: `\`${goal.function}\` no longer has a parameter number ${goal.position + 1} (\`${goal.param}\` in the start)`,
    };
  const r = ctx.results.first('current', ctx.base);
  const bad = unusable(r, 'your code');
  if (bad || !r) return { met: false, reason: bad ?? 'not analysed' };
  // An unnamed or blank parameter cannot be used, so it cannot leak.
  const name = p.name === '_' ? '' : p.name;
  const kinds: Decision['kind'][] = ['leaking-param', 'leaking-param-to-result'];
  if (goal.includeContent) kinds.push('leaking-param-content');
  const about = decisionsIn(r, goal.file).filter(
    (d) => name !== '' && d.line === p.line && d.subject === name,
  );
  const leaks = about.filter((d) => kinds.includes(d.kind));
  if (leaks.length > 0) return { met: false, reason: leaks.map(describeLeak).join('; ') };
  const said = about[0];
  return {
    met: true,
    reason: said
      ? `line ${said.line}: ${said.message}`
      : `no leak reported for parameter ${goal.position + 1} (\`${name || '_'}\`) of \`${goal.function}\``,
  };
}

const benchBase = (name: string) => name.replace(/-\d+$/, '');

/** The one result line test2json attributed to `benchmark`, or why there is none. */
function benchLine(r: AnalyzeResponse, benchmark: string): BenchLine | string {
  const lines = (r.bench?.results ?? []).filter((b) => benchBase(b.name) === benchmark);
  if (r.bench?.failed?.includes(benchmark))
    return `${benchmark} failed${failureText(r, benchmark)}`;
  if (lines.length > 1) return `${benchmark} reported ${lines.length} result lines`;
  if (lines.length === 0) return `${benchmark} reported no result`;
  return lines[0]!;
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

/** Whether a bench-mode result can be read at all; a failed check is a reason, not a crash. */
function benchUnusable(r: AnalyzeResponse | undefined, what: string): string | undefined {
  if (!r) return `${what} was not run`;
  if (!r.ok) return unusable(r, what);
  if (r.run?.killedReason) return `${what} was stopped: ${r.run.killedReason}`;
  if (!r.bench) return `${what} was not run as a benchmark`;
  return undefined;
}

function checksPass(goal: Extract<Goal, { type: 'checks-pass' }>, ctx: GoalContext): GoalVerdict {
  const r = ctx.results.first('current', goalVariant(goal, ctx.base));
  const bad = benchUnusable(r, 'your code');
  if (bad || !r) return { met: false, reason: bad ?? 'not run' };
  const results = goal.benchmarks.map((b) => benchLine(r, b));
  const failed = results.filter((x) => typeof x === 'string');
  if (failed.length > 0) {
    const anyFailed = goal.benchmarks.some((b) => r.bench?.failed?.includes(b));
    return anyFailed ? { met: false, reason: failed.join('; ') } : cannotJudge(failed.join('; '));
  }
  if (!r.bench?.passed || r.run?.exitCode !== 0)
    return {
      met: false,
      reason: `the hidden checks ran but go test did not pass (exit status ${r.run?.exitCode ?? r.run?.signal})`,
    };
  return {
    met: true,
    reason: `${goal.benchmarks.length} hidden check${goal.benchmarks.length === 1 ? '' : 's'} passed on inputs your code has not seen (${goal.benchmarks.join(', ')})`,
  };
}

/** The figure one run reported, or why it cannot be read. */
function metricOf(
  r: AnalyzeResponse | undefined,
  goal: CheckMetric,
  what: string,
): number | string {
  const bad = benchUnusable(r, what);
  if (bad || !r) return bad ?? `${what} was not run`;
  const line = benchLine(r, goal.benchmark);
  if (typeof line === 'string') return `${what}: ${line}`;
  const v = line.extra[goal.metric];
  return v === undefined ? `${what}: ${goal.benchmark} reported no ${goal.metric}` : v;
}

type CheckMetric = Extract<Goal, { type: 'check-metric' }>;

function checkMetric(goal: CheckMetric, ctx: GoalContext): GoalVerdict {
  const v = goalVariant(goal, ctx.base);
  const judgedBy = `${goal.runs} run${goal.runs === 1 ? '' : 's'} of your code${goal.ofStart !== undefined ? ' and of the start version' : ''} under go test (${describeVariant(v)}); the checker's own benchmark measures main with runtime/metrics and the medians are compared`;
  const mine = (ctx.results.all('current', v) ?? []).map((r) => metricOf(r, goal, 'your code'));
  const brokenMine = mine.find((x) => typeof x === 'string');
  if (mine.length === 0 || typeof brokenMine === 'string') {
    // Code that does not compile or fails its run is the learner's failure; a run that simply
    // reported nothing (stdout closed, exited early) leaves nothing to judge.
    const r = ctx.results.first('current', v);
    const failed = r && (!r.ok || r.bench?.failed?.includes(goal.benchmark));
    const reason = brokenMine ?? 'your code was not run';
    return failed ? { met: false, reason, judgedBy } : { ...cannotJudge(reason), judgedBy };
  }
  const mineN = mine as number[];
  const med = median(mineN);
  let limit = goal.value ?? 0;
  let need = `${goal.op} ${goal.value}`;
  if (goal.ofStart !== undefined) {
    const theirs = (ctx.results.all('start', v) ?? []).map((r) =>
      metricOf(r, goal, 'the start version'),
    );
    const broken = theirs.find((x) => typeof x === 'string');
    if (theirs.length === 0 || typeof broken === 'string')
      return { ...cannotJudge(broken ?? 'the start version was not run'), judgedBy };
    const startMed = median(theirs as number[]);
    limit = goal.ofStart * startMed;
    need = `${goal.op} ${round(limit)} (${goal.ofStart} × the start's median ${round(startMed)}; runs: ${(theirs as number[]).map(round).join(', ')})`;
  }
  const met = compare(med, goal.op, limit);
  return {
    met,
    reason: `median ${round(med)} ${goal.metric} (runs: ${mineN.map(round).join(', ')}); needed ${need}`,
    judgedBy,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

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
    case 'checks-pass':
      return checksPass(goal, ctx);
    case 'check-metric':
      return checkMetric(goal, ctx);
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
