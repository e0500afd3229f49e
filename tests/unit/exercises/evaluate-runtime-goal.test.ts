/** Runtime goal evaluation (hidden checks, harness figures, GC and output) on AnalyzeResponses captured from the real toolchain (fixtures/capture.ts). */
import { describe, expect, it } from 'vitest';
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { baseVariant } from '../../../src/lib/exercises/check.ts';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { renderReason } from '../../../src/lib/exercises/reason.ts';
import { RunResults } from '../../../src/lib/exercises/results.ts';
import { evaluateGoal as judgeGoal } from '../../../src/lib/exercises/evaluate-goal.ts';
import { benchVariant, goalVariant, runVariant } from '../../../src/lib/exercises/plan.ts';
import { evaluateGoal, exercise, fixture } from './support/goal-fixtures.ts';

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
