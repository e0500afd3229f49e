/** Goal evaluation on AnalyzeResponses captured from the real toolchain (fixtures/capture.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AnalyzeResponseSchema,
  type AnalyzeResponse,
  type SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import { baseVariant } from '../../../src/lib/exercises/check.ts';
import { evaluateGoal as judgeGoal } from '../../../src/lib/exercises/evaluate-goal.ts';
import { renderReason } from '../../../src/lib/exercises/reason.ts';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { loadExercises } from '../../../src/lib/exercises/load.ts';
import { benchVariant, goalVariant, runVariant } from '../../../src/lib/exercises/plan.ts';
import { RunResults } from '../../../src/lib/exercises/results.ts';
import { loadCheats } from '../../content/support/cheats.ts';

const fixture = (name: string): AnalyzeResponse =>
  AnalyzeResponseSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')),
  );
/** The verdict with its reasons rendered as the English page shows them. */
const evaluateGoal = (...args: Parameters<typeof judgeGoal>) => {
  const v = judgeGoal(...args);
  return {
    ...v,
    reason: renderReason('en', v.reason),
    judgedBy: v.judgedBy && renderReason('en', v.judgedBy),
  };
};
const exercises = loadExercises();
const exercise = (slug: string) => exercises.find((e) => e.slug === slug)!;

describe('no-heap-at-marker', () => {
  const ex = exercise('interface-argument');
  const base = baseVariant(ex);
  const goal = GoalSchema.parse({ type: 'no-heap-at-marker', says: 's stays on the stack' });
  const start = fixture('interface-argument.start.build');
  const judge = (files: SourceFile[], current: AnalyzeResponse, e = ex, startR = start) => {
    const results = new RunResults();
    results.set('start', base, [startR]);
    results.set('current', base, [current]);
    return evaluateGoal(goal, { base, files, startFiles: e.start, results });
  };

  it('quotes the variable, the verdict and the flow from the -m=2 chain', () => {
    const v = judge(ex.start, start);
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(
      /^line 11: `s` moved to heap: &s \(address-of, line 16\) → … → fmt\.Fprintln\(.*\) \(call parameter, line 16\)$/,
    );
  });

  it('is met when the marked variable stays on the stack and nothing new is allocated', () => {
    expect(judge(ex.solution, fixture('interface-argument.solution.build'))).toMatchObject({
      met: true,
      reason:
        '`s`: on the stack, and `summarize` has no new heap allocation (0; the start had 0 besides the marked ones)',
    });
  });

  it("is said in the page's language; the compiler's words stay as it printed them", () => {
    const cheat = loadCheats('interface-argument').find((c) => c.kind === 'copy-escapes')!;
    const v = judgeGoal(goal, {
      base,
      files: cheat.files,
      startFiles: ex.start,
      results: (() => {
        const results = new RunResults();
        results.set('start', base, [start]);
        results.set('current', base, [fixture('interface-argument.copy-escapes.build')]);
        return results;
      })(),
    });
    expect(v.reason).toMatchObject({ code: 'list' });
    const zh = renderReason('zh', v.reason);
    expect(zh).toContain('`s`已不在堆上，但 `summarize` 现在的堆分配数为 1');
    expect(zh).toContain('第 16 行：`copied` moved to heap：&copied（address-of，第 17 行）');
  });

  it("reads the markers from the exercise's start, so moving or deleting the learner's changes nothing", () => {
    const files = ex.start.map((f) => ({
      ...f,
      content: f.content
        .replace(' // want: stack', '')
        .replace('func main() {', 'func main() { // want: stack'),
    }));
    expect(judge(files, start).met).toBe(false);
  });

  it('is not met when the value is copied into a new variable that escapes instead', () => {
    const cheat = loadCheats('interface-argument').find((c) => c.kind === 'copy-escapes')!;
    const v = judge(cheat.files, fixture('interface-argument.copy-escapes.build'));
    expect(v.met).toBe(false);
    expect(v.reason).toContain(
      '`s` no longer on the heap, but `summarize` now has heap allocations: 1, where the start had 0 besides them',
    );
    expect(v.reason).toContain('`copied` moved to heap');
  });

  it('checks every marked line and names each one still on the heap', () => {
    const cl = exercise('allocation-checklist');
    const clStart = fixture('allocation-checklist.start.build');
    const v = judge(cl.start, clStart, cl, clStart);
    expect(v.met).toBe(false);
    expect(v.reason).toContain('line 29: `r` moved to heap');
    expect(v.reason).toContain('line 31: `make([]float64, 0, 8)` escapes to heap');
    const cheat = loadCheats('allocation-checklist').find((c) => c.kind === 'copy-escapes')!;
    const c = judge(cheat.files, fixture('allocation-checklist.copy-escapes.build'), cl, clStart);
    expect(c.met).toBe(false);
    expect(c.reason).toMatch(
      /`main` now has heap allocations: 3, where the start had 2 besides them: .*`kept` moved to heap/,
    );
    const sol = fixture('allocation-checklist.solution.build');
    expect(judge(cl.solution, sol, cl, clStart).met).toBe(true);
  });
});

describe('param-does-not-leak', () => {
  const ex = exercise('allocation-checklist');
  const base = baseVariant(ex);
  const goal = GoalSchema.parse({
    type: 'param-does-not-leak',
    function: 'remember',
    param: 'r',
    position: 0,
    says: 'r does not leak',
  });
  const judge = (files: SourceFile[], r: AnalyzeResponse, g = goal) => {
    const results = new RunResults();
    results.set('current', base, [r]);
    return evaluateGoal(g, { base, files, startFiles: ex.start, results });
  };

  it('reports the leak with its sink', () => {
    const v = judge(ex.start, fixture('allocation-checklist.start.build'));
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(/^line 16: leaking param: r \(to \{heap\}/);
  });

  it('follows the position when the parameter is renamed', () => {
    const cheat = loadCheats('allocation-checklist').find((c) => c.kind === 'copy-escapes')!;
    const v = judge(cheat.files, fixture('allocation-checklist.copy-escapes.build'));
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(/^line 16: leaking param: p \(to \{heap\}/);
  });

  it('is not fooled by a declaration inside a comment', () => {
    const files = ex.start.map((f) => ({
      ...f,
      content: f.content.replace(
        'type Reading struct',
        '/*\nfunc remember(r *Reading) {\n}\n*/\ntype Reading struct',
      ),
    }));
    // The same decisions four lines lower, as the compiler would report them.
    const r = fixture('allocation-checklist.start.build');
    const moved = { ...r, decisions: r.decisions.map((d) => ({ ...d, line: d.line + 4 })) };
    expect(judge(files, moved).met).toBe(false);
  });

  it('accepts a content leak unless includeContent is set', () => {
    const sol = fixture('allocation-checklist.solution.build');
    expect(judge(ex.solution, sol)).toMatchObject({
      met: true,
      reason: 'line 16: leaking param content: r',
    });
    const strict = GoalSchema.parse({ ...goal, includeContent: true });
    expect(judge(ex.solution, sol, strict).met).toBe(false);
  });
});

describe('hidden checks and the harness figures', () => {
  const ex = exercise('no-forced-gc');
  const base = baseVariant(ex);
  const v = benchVariant(base);
  const start = fixture('no-forced-gc.start.bench');
  const solution = fixture('no-forced-gc.solution.bench');
  const skip = fixture('no-forced-gc.skip-work.bench');
  const judge = (goal: unknown, mine: AnalyzeResponse[], theirs: AnalyzeResponse[] = [start]) => {
    const results = new RunResults();
    results.set('start', v, theirs);
    results.set('current', v, mine);
    return evaluateGoal(GoalSchema.parse(goal), {
      base,
      files: ex.solution,
      startFiles: ex.start,
      results,
    });
  };
  const fewer = {
    type: 'check-metric',
    metric: 'gc-cycles',
    op: '<=',
    ofStart: 0.5,
    says: 'a goal',
  };
  const floor = {
    type: 'check-metric',
    metric: 'alloc-MB',
    op: '>=',
    ofStart: 0.9,
    says: 'a goal',
  };

  it("compares the median of the harness's GC count with the start's, and says how", () => {
    const met = judge(fewer, [solution, start, solution], [start, start, start]);
    expect(met.met).toBe(true);
    expect(met.reason).toMatch(
      /^median \d+ gc-cycles \(runs: \d+, 50, \d+\); needed <= 25 \(0\.5 × the start's median 50; runs: 50, 50, 50\)$/,
    );
    expect(met.judgedBy).toMatch(/runtime\/metrics/);
    expect(judge(fewer, [start, start, solution], [start, start, start]).met).toBe(false);
  });

  it('needs the work done: printing the answer without the batches misses the floor', () => {
    expect(judge(fewer, [skip]).met).toBe(true);
    const v = judge(floor, [skip]);
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(/^median 0(\.\d+)? alloc-MB/);
    expect(judge(floor, [solution]).met).toBe(true);
  });

  it("words a bench goal's figure in the page's language, with the line it was read from", () => {
    const goal = GoalSchema.parse({
      type: 'bench',
      benchmark: 'BenchmarkGmlMain',
      metric: 'allocsPerOp',
      op: '<=',
      value: 0,
      with: { mode: 'bench' },
      says: 'a goal',
    });
    const results = new RunResults();
    results.set('current', goalVariant(goal, base), [solution]);
    const verdict = judgeGoal(goal, { base, files: ex.solution, startFiles: ex.start, results });
    expect(verdict.met).toBe(true);
    expect(renderReason('en', verdict.reason)).toMatch(
      /^0 allocs\/op, needed <= 0: `BenchmarkGmlMain-2 .* 0 allocs\/op`$/,
    );
    expect(renderReason('zh', verdict.reason)).toMatch(
      /^0 allocs\/op，要求 <= 0：`BenchmarkGmlMain-2 .* 0 allocs\/op`$/,
    );
  });

  it('cannot judge, and says so, when the start version reported nothing', () => {
    const v = judge(fewer, [solution], [fixture('no-forced-gc.start.run')]);
    expect(v).toMatchObject({ met: false, cannotJudge: true });
    expect(v.reason).toBe('the start version was not run as a benchmark');
  });

  it('cannot judge code whose run reported nothing, and says why', () => {
    const v = judge(fewer, [fixture('no-forced-gc.solution.run')]);
    expect(v).toMatchObject({
      met: false,
      cannotJudge: true,
      reason: 'your code was not run as a benchmark',
    });
  });

  it('fails a hidden check with the message it logged', () => {
    const leak = exercise('subslice-leak');
    const lv = benchVariant(baseVariant(leak));
    const goal = GoalSchema.parse({
      type: 'checks-pass',
      benchmarks: ['BenchmarkCheckHeader'],
      says: 'a goal',
    });
    const judgeLeak = (r: AnalyzeResponse) => {
      const results = new RunResults();
      results.set('current', lv, [r]);
      return evaluateGoal(goal, {
        base: baseVariant(leak),
        files: leak.start,
        startFiles: leak.start,
        results,
      });
    };
    expect(judgeLeak(fixture('subslice-leak.start.bench'))).toMatchObject({
      met: false,
      reason:
        'BenchmarkCheckHeader failed: changing a 16-byte packet changed its header: they share memory',
    });
    expect(judgeLeak(fixture('subslice-leak.solution.bench')).met).toBe(true);
  });
});

describe('GC and output goals', () => {
  const ex = exercise('no-forced-gc');
  const base = baseVariant(ex);
  const run = runVariant(base);
  const start = fixture('no-forced-gc.start.run');
  const solution = fixture('no-forced-gc.solution.run');

  it('compares stdout with the start version', () => {
    const goal = GoalSchema.parse({ type: 'output-unchanged', says: 'same output' });
    const results = new RunResults();
    results.set('start', run, [start]);
    results.set('current', run, [solution]);
    expect(
      evaluateGoal(goal, { base, files: ex.solution, startFiles: ex.start, results }),
    ).toMatchObject({ met: true });
    const changed = {
      ...solution,
      run: { ...solution.run!, stdout: { text: 'last: 1\n', truncated: false } },
    };
    results.set('current', run, [changed]);
    expect(
      evaluateGoal(goal, { base, files: ex.solution, startFiles: ex.start, results }).reason,
    ).toBe('line 1 of stdout is "last: 1", the start printed "last: 32816"');
  });

  it('judges a GC claim by the majority of runs, through the chapter claims evaluator', () => {
    const goal = GoalSchema.parse({
      type: 'gc',
      metric: 'forcedCycles',
      op: '==',
      value: 0,
      with: { mode: 'run' },
      says: 'nothing forced',
    });
    const results = new RunResults();
    results.set('current', run, [solution, start, solution]);
    const v = evaluateGoal(goal, { base, files: ex.solution, startFiles: ex.start, results });
    expect(v.met).toBe(true);
    expect(v.reason).toMatch(/^2 of 3 runs: /);
    results.set('current', run, [start, start, solution]);
    expect(evaluateGoal(goal, { base, files: ex.start, startFiles: ex.start, results }).met).toBe(
      false,
    );
  });

  it('explains a result that cannot be judged instead of guessing', () => {
    const goal = GoalSchema.parse({ type: 'output-unchanged', says: 'same output' });
    const results = new RunResults();
    const broken = {
      ...solution,
      ok: false,
      compileErrors: [{ file: 'main.go', line: 4, column: 2, message: 'undefined: x' }],
    };
    results.set('start', run, [start]);
    results.set('current', run, [broken]);
    expect(
      evaluateGoal(goal, { base, files: ex.solution, startFiles: ex.start, results }).reason,
    ).toBe('your code does not compile: main.go:4: undefined: x');
  });
});
