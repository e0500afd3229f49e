/** Compile-time goal evaluation (escape markers, parameters) on AnalyzeResponses captured from the real toolchain (fixtures/capture.ts). */
import { describe, expect, it } from 'vitest';
import type { AnalyzeResponse, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { baseVariant } from '../../../src/lib/exercises/check.ts';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { renderReason } from '../../../src/lib/exercises/reason.ts';
import { RunResults } from '../../../src/lib/exercises/results.ts';
import { evaluateGoal as judgeGoal } from '../../../src/lib/exercises/evaluate-goal.ts';
import { loadCheats } from '../../content/support/cheats.ts';
import { evaluateGoal, exercise, fixture } from './support/goal-fixtures.ts';

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
