/**
 * Judges one goal against the analyses of a check. Claim goals go to the chapter claims'
 * evaluator; the exercise-only goals are judged here and in evaluate-bench-goal.ts. Every
 * verdict carries the compiler's or runtime's own words as a reason code with parameters
 * (reason.ts), and statistical goals also say how they were judged. "No evidence" is never a
 * pass: such a verdict is marked `cannotJudge`.
 */
import type { AnalyzeResponse, Decision } from '@go-memory-lab/sandbox-api/protocol';
import { compare } from '../claims/compare.ts';
import { evaluateClaim } from '../claims/evaluate.ts';
import { benchMedian } from '../claims/runtime-claims.ts';
import { benchProblem, checkMetric, checksPass } from './evaluate-bench-goal.ts';
import { describeHeapDecision, describeLeak } from './flow-text.ts';
import type { Goal } from './goal-schema.ts';
import { goalVariant } from './plan.ts';
import { reason, reasonList, type Reason } from './reason.ts';
import {
  enclosingFunction,
  findFunction,
  findMarkerLines,
  paramAt,
  type FuncSpan,
} from './source-scan.ts';
import { applyOverride, describeVariant, type Variant } from './variant.ts';
import {
  baseName,
  cannotJudge,
  START,
  unusable,
  YOURS,
  type GoalContext,
  type GoalVerdict,
} from './verdict.ts';

export { unusable, type GoalContext, type GoalVerdict };

const HEAP_KINDS: ReadonlySet<Decision['kind']> = new Set(['moved-to-heap', 'escapes-to-heap']);

function decisionsIn(r: AnalyzeResponse, file: string): Decision[] {
  return r.decisions.filter((d) => baseName(d.file) === baseName(file));
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

const heapList = (ds: readonly Decision[]) => reasonList(ds.map(describeHeapDecision));

function noHeapAtMarker(
  goal: Extract<Goal, { type: 'no-heap-at-marker' }>,
  ctx: GoalContext,
): GoalVerdict {
  const startSrc = ctx.startFiles.find((f) => f.name === goal.file);
  const marked = startSrc ? findMarkerLines(startSrc.content, goal.marker) : [];
  if (!startSrc || marked.length === 0)
    return cannotJudge(reason('noMarker', { marker: goal.marker }));
  const start = ctx.results.first('start', ctx.base);
  const cur = ctx.results.first('current', ctx.base);
  const badStart = unusable(start, START);
  if (badStart || !start) return cannotJudge(badStart ?? reason('notAnalysed', { what: START }));
  const bad = unusable(cur, YOURS);
  if (bad || !cur) return { met: false, reason: bad ?? reason('notAnalysed', { what: YOURS }) };
  const curSrc = ctx.files.find((f) => f.name === goal.file)?.content ?? '';
  const problems: Reason[] = [];
  const fine: Reason[] = [];
  const byFunction = new Map<string, number[]>();
  for (const line of marked) {
    const fn = enclosingFunction(startSrc.content, line);
    if (fn) byFunction.set(fn.name, [...(byFunction.get(fn.name) ?? []), line]);
  }
  const more = goal.allowNew > 0 ? reason('allowsMore', { n: goal.allowNew }) : '';
  for (const [name, lines] of byFunction) {
    const startFn = findFunction(startSrc.content, name)!;
    const startHeap = heapIn(start, goal.file, startFn);
    const targets = startHeap.filter((d) => lines.includes(d.line));
    const subjects = new Set(targets.map((d) => d.subject));
    const curFn = findFunction(curSrc, name);
    if (!curFn) {
      problems.push(reason('noFunctionAnyMore', { name, file: goal.file }));
      continue;
    }
    const curHeap = heapIn(cur, goal.file, curFn);
    const named = curHeap.filter((d) => subjects.has(d.subject));
    const before = startHeap.filter(countsAsAllocation).length - targets.length;
    const counted = curHeap.filter(countsAsAllocation);
    const what = [...subjects].map((x) => `\`${x}\``).join(', ') || reason('markedValues');
    const params = { what, name, count: counted.length, before, more };
    if (named.length > 0) problems.push(heapList(named));
    else if (counted.length > before + goal.allowNew)
      problems.push(reason('markerNewAllocs', { ...params, list: heapList(counted) }));
    else fine.push(reason('markerFine', params));
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
        reason('fileNewAllocs', {
          file: goal.file,
          count: mine.length,
          before,
          more: goal.allowNew > 0 ? reason('moreAllowed', { n: goal.allowNew }) : '',
          list: heapList(elsewhere.length > 0 ? elsewhere : mine),
        }),
      );
    }
  }
  if (problems.length > 0) return { met: false, reason: reasonList(problems) };
  return { met: true, reason: reasonList(fine) };
}

function paramDoesNotLeak(
  goal: Extract<Goal, { type: 'param-does-not-leak' }>,
  ctx: GoalContext,
): GoalVerdict {
  const src = ctx.files.find((f) => f.name === goal.file);
  const fn = src ? findFunction(src.content, goal.function) : undefined;
  if (!src || !fn)
    return { met: false, reason: reason('noFunction', { name: goal.function, file: goal.file }) };
  const p = paramAt(src.content, goal.function, goal.position);
  if (!p)
    return {
      met: false,
      reason: reason('noParam', { name: goal.function, n: goal.position + 1, param: goal.param }),
    };
  const r = ctx.results.first('current', ctx.base);
  const bad = unusable(r, YOURS);
  if (bad || !r) return { met: false, reason: bad ?? reason('notAnalysed', { what: YOURS }) };
  // An unnamed or blank parameter cannot be used, so it cannot leak.
  const name = p.name === '_' ? '' : p.name;
  const kinds: Decision['kind'][] = ['leaking-param', 'leaking-param-to-result'];
  if (goal.includeContent) kinds.push('leaking-param-content');
  const about = decisionsIn(r, goal.file).filter(
    (d) => name !== '' && d.line === p.line && d.subject === name,
  );
  const leaks = about.filter((d) => kinds.includes(d.kind));
  if (leaks.length > 0) return { met: false, reason: reasonList(leaks.map(describeLeak)) };
  const said = about[0];
  return {
    met: true,
    reason: said
      ? reason('compilerSaid', { line: said.line, message: said.message })
      : reason('noLeak', { n: goal.position + 1, param: name || '_', name: goal.function }),
  };
}

function firstDifference(a: string, b: string): Reason {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      const quote = (s: string | undefined, none: Reason) =>
        s === undefined ? none : JSON.stringify(s);
      return reason('stdoutLine', {
        line: i + 1,
        mine: quote(al[i], reason('stdoutMissing')),
        theirs: quote(bl[i], reason('stdoutNothing')),
      });
    }
  }
  return reason('stdoutDiffers');
}

function outputUnchanged(
  goal: Extract<Goal, { type: 'output-unchanged' }>,
  ctx: GoalContext,
): GoalVerdict {
  const v = goalVariant(goal, ctx.base);
  const cur = ctx.results.first('current', v);
  const start = ctx.results.first('start', v);
  const bad = unusable(cur, YOURS) ?? unusable(start, START);
  if (bad || !cur?.run || !start?.run) return { met: false, reason: bad ?? reason('noOutput') };
  const mine = cur.run.stdout.text;
  const theirs = start.run.stdout.text;
  if (mine === theirs)
    return {
      met: true,
      reason: reason('stdoutSame', { count: mine.split('\n').filter(Boolean).length }),
    };
  return { met: false, reason: firstDifference(mine, theirs) };
}

/** A claim evaluator's verdict: its words are figures and the compiler's or runtime's lines. */
const claimText = (text: string) => reason('text', { text });

/** A bench goal's figure, worded in the page's language, with the line it was read from. */
function benchGoal(goal: Extract<Goal, { type: 'bench' }>, r: AnalyzeResponse): GoalVerdict {
  const m = benchMedian(goal, [r]);
  if ('missing' in m) return { met: false, reason: claimText(m.missing) };
  return {
    met: compare(m.value, goal.op, goal.value),
    reason: reason('benchFigure', {
      value: m.value,
      unit: m.unit,
      need: reason('needValue', { op: goal.op, value: goal.value }),
      line: m.raw,
    }),
  };
}

/** A GC figure judged on each run; the goal is met when most runs meet it. */
function gcByMajority(
  goal: Extract<Goal, { type: 'gc' }>,
  runs: readonly AnalyzeResponse[],
  v: Variant,
): GoalVerdict {
  const judgedBy = reason('judgedMajority', { count: runs.length, variant: describeVariant(v) });
  const verdicts = runs.map((r) => unusable(r, YOURS) ?? evaluateClaim(goal, r));
  const firstBroken = verdicts.find((x) => 'code' in x);
  if (firstBroken && 'code' in firstBroken) return { met: false, reason: firstBroken, judgedBy };
  const judged = verdicts.filter((x) => !('code' in x)) as ReturnType<typeof evaluateClaim>[];
  const metCount = judged.filter((x) => x.met).length;
  const met = metCount * 2 > judged.length;
  const shown = judged.find((x) => x.met === met) ?? judged[0];
  return {
    met,
    reason: reason('majority', { met: metCount, count: judged.length, text: shown?.reason ?? '' }),
    judgedBy,
  };
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
      if (!r) return { met: false, reason: reason('notAnalysedWith') };
      if (!r.ok && goal.type !== 'compile-error')
        return {
          met: false,
          reason: unusable(r, YOURS) ?? reason('compileError', { what: YOURS }),
        };
      const problem = benchProblem([r], ctx, YOURS);
      if (problem) return problem;
      if (goal.type === 'gc') return gcByMajority(goal, ctx.results.all('current', v) ?? [r], v);
      if (goal.type === 'bench') return benchGoal(goal, r);
      const than =
        goal.type === 'gc-compare'
          ? ctx.results.first('current', applyOverride(v, goal.than))
          : undefined;
      const verdict = evaluateClaim(goal, r, than ? { than } : undefined);
      const out: GoalVerdict = { met: verdict.met, reason: claimText(verdict.reason) };
      return goal.type === 'gc-compare'
        ? { ...out, judgedBy: reason('judgedOnce', { variant: describeVariant(v) }) }
        : out;
    }
  }
}
