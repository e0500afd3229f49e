/** Goal evaluation on AnalyzeResponses captured from the real toolchain (fixtures/capture.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '../../../sandbox-api/src/protocol.ts';
import { baseVariant } from '../../../src/lib/exercises/check.ts';
import { evaluateGoal } from '../../../src/lib/exercises/evaluate-goal.ts';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { loadExercises } from '../../../src/lib/exercises/load.ts';
import { runVariant } from '../../../src/lib/exercises/plan.ts';
import { RunResults } from '../../../src/lib/exercises/results.ts';

const fixture = (name: string): AnalyzeResponse =>
  AnalyzeResponseSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')),
  );
const exercises = loadExercises();
const exercise = (slug: string) => exercises.find((e) => e.slug === slug)!;

describe('no-heap-at-marker', () => {
  const ex = exercise('interface-argument');
  const base = baseVariant(ex);
  const goal = GoalSchema.parse({ type: 'no-heap-at-marker', says: 's stays on the stack' });

  it('quotes the variable, the verdict and the flow from the -m=2 chain', () => {
    const results = new RunResults();
    results.set('current', base, [fixture('interface-argument.start.build')]);
    const v = evaluateGoal(goal, { base, files: ex.start, results });
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(
      /^line 11: `s` moved to heap: &s \(address-of, line 16\) → … → fmt\.Fprintln\(.*\) \(call parameter, line 16\)$/,
    );
  });

  it('is met when the marked line has no heap decision', () => {
    const results = new RunResults();
    results.set('current', base, [fixture('interface-argument.solution.build')]);
    const v = evaluateGoal(goal, { base, files: ex.solution, results });
    expect(v).toMatchObject({
      met: true,
      reason: 'no heap decision on line 11: the compiler keeps it on the stack',
    });
  });

  it('is not met, and says why, when the learner deleted the marker', () => {
    const results = new RunResults();
    results.set('current', base, [fixture('interface-argument.solution.build')]);
    const files = ex.solution.map((f) => ({
      ...f,
      content: f.content.replace('// want: stack', ''),
    }));
    expect(evaluateGoal(goal, { base, files, results })).toMatchObject({
      met: false,
      reason: expect.stringMatching(/no line .* carries/),
    });
  });

  it('checks every marked line and names each one still on the heap', () => {
    const cl = exercise('allocation-checklist');
    const results = new RunResults();
    results.set('current', base, [fixture('allocation-checklist.start.build')]);
    const v = evaluateGoal(goal, { base, files: cl.start, results });
    expect(v.met).toBe(false);
    expect(v.reason).toContain('line 29: `r` moved to heap');
    expect(v.reason).toContain('line 31: `make([]float64, 0, 8)` escapes to heap');
  });
});

describe('param-does-not-leak', () => {
  const ex = exercise('allocation-checklist');
  const base = baseVariant(ex);
  const goal = GoalSchema.parse({
    type: 'param-does-not-leak',
    function: 'remember',
    param: 'r',
    says: 'r does not leak',
  });

  it('reports the leak with its sink', () => {
    const results = new RunResults();
    results.set('current', base, [fixture('allocation-checklist.start.build')]);
    const v = evaluateGoal(goal, { base, files: ex.start, results });
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(/^line 16: leaking param: r \(to \{heap\}/);
  });

  it('accepts a content leak unless includeContent is set', () => {
    const results = new RunResults();
    results.set('current', base, [fixture('allocation-checklist.solution.build')]);
    expect(evaluateGoal(goal, { base, files: ex.solution, results })).toMatchObject({
      met: true,
      reason: 'line 16: leaking param content: r',
    });
    const strict = GoalSchema.parse({ ...goal, includeContent: true });
    expect(evaluateGoal(strict, { base, files: ex.solution, results }).met).toBe(false);
  });
});

describe('GC and output goals', () => {
  const ex = exercise('no-forced-gc');
  const base = baseVariant(ex);
  const run = runVariant(base);
  const start = fixture('no-forced-gc.start.run');
  const solution = fixture('no-forced-gc.solution.run');

  it('compares medians of several runs and says how it judged', () => {
    const goal = GoalSchema.parse({ type: 'fewer-gc-cycles-than-start', says: 'fewer cycles' });
    const results = new RunResults();
    results.set('start', run, [start, start, start]);
    results.set('current', run, [solution, start, solution]);
    const v = evaluateGoal(goal, { base, files: ex.solution, results });
    expect(v.met).toBe(true);
    expect(v.reason).toBe(
      "median 3 GC cycles (runs: 3, 50, 3) against the start's median 50 (runs: 50, 50, 50); needed fewer than 50",
    );
    expect(v.judgedBy).toMatch(/^3 runs each of the start version and yours \(run\), medians/);

    results.set('current', run, [start, start, solution]);
    expect(evaluateGoal(goal, { base, files: ex.start, results }).met).toBe(false);
  });

  it('requires the fraction when one is given', () => {
    const goal = GoalSchema.parse({
      type: 'fewer-gc-cycles-than-start',
      atMostFraction: 0.05,
      says: 'a twentieth',
    });
    const results = new RunResults();
    results.set('start', run, [start]);
    results.set('current', run, [solution]);
    expect(evaluateGoal(goal, { base, files: ex.solution, results })).toMatchObject({
      met: false,
      reason: expect.stringContaining('needed at most 2.5 (0.05 × 50)'),
    });
  });

  it('compares stdout with the start version', () => {
    const goal = GoalSchema.parse({ type: 'output-unchanged', says: 'same output' });
    const results = new RunResults();
    results.set('start', run, [start]);
    results.set('current', run, [solution]);
    expect(evaluateGoal(goal, { base, files: ex.solution, results })).toMatchObject({ met: true });
    const changed = {
      ...solution,
      run: { ...solution.run!, stdout: { text: 'last: 1\n', truncated: false } },
    };
    results.set('current', run, [changed]);
    expect(evaluateGoal(goal, { base, files: ex.solution, results }).reason).toBe(
      'line 1 of stdout is "last: 1", the start printed "last: 32816"',
    );
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
    const v = evaluateGoal(goal, { base, files: ex.solution, results });
    expect(v.met).toBe(true);
    expect(v.reason).toMatch(/^2 of 3 runs: /);
    results.set('current', run, [start, start, solution]);
    expect(evaluateGoal(goal, { base, files: ex.start, results }).met).toBe(false);
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
    expect(evaluateGoal(goal, { base, files: ex.solution, results }).reason).toBe(
      'your code does not compile: main.go:4: undefined: x',
    );
  });
});
