import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../../src/classes/merge-progress.ts';

const t0 = new Date('2026-12-01T10:00:00.000Z');
const t1 = new Date('2026-12-01T10:03:00.000Z');
const t2 = new Date('2026-12-01T10:05:00.000Z');

describe('mergeProgress', () => {
  it('starts a cell on the first check, with the failing goal and its reason', () => {
    const c = mergeProgress(
      undefined,
      {
        exercise: 'return-by-value',
        goals: [false, true],
        failing: { goal: 0, reason: 'line 9: `m` moved to heap' },
        seconds: 40,
      },
      t0,
    );
    expect(c).toEqual({
      exercise: 'return-by-value',
      attempts: 1,
      goals: [false, true],
      failing: { goal: 0, reason: 'line 9: `m` moved to heap' },
      seconds: 40,
      firstAt: t0.toISOString(),
      lastAt: t0.toISOString(),
    });
  });

  it('counts attempts, keeps firstAt, and fixes the solve time on the first all-met check', () => {
    const a = mergeProgress(undefined, { exercise: 'x', goals: [false], seconds: 40 }, t0);
    const b = mergeProgress(a, { exercise: 'x', goals: [true], seconds: 220 }, t1);
    expect(b.attempts).toBe(2);
    expect(b.firstAt).toBe(t0.toISOString());
    expect(b.solvedAt).toBe(t1.toISOString());
    expect(b.solvedSeconds).toBe(220);
    expect(b.failing).toBeUndefined();
  });

  it('stays solved after a later failing experiment, showing the latest goals', () => {
    const solved = mergeProgress(
      undefined,
      { exercise: 'x', goals: [true, true], seconds: 100 },
      t0,
    );
    const later = mergeProgress(
      solved,
      { exercise: 'x', goals: [true, false], failing: { goal: 1, reason: 'r' }, seconds: 300 },
      t2,
    );
    expect(later.solvedAt).toBe(t0.toISOString());
    expect(later.solvedSeconds).toBe(100);
    expect(later.goals).toEqual([true, false]);
    expect(later.failing).toEqual({ goal: 1, reason: 'r' });
  });

  it('never lets time on the exercise go backwards (reports from two tabs)', () => {
    const a = mergeProgress(undefined, { exercise: 'x', goals: [false], seconds: 500 }, t0);
    const b = mergeProgress(a, { exercise: 'x', goals: [false], seconds: 20 }, t1);
    expect(b.seconds).toBe(500);
  });

  it('drops a failing reason that names a goal met on the same check', () => {
    const c = mergeProgress(
      undefined,
      { exercise: 'x', goals: [true, false], failing: { goal: 0, reason: 'lie' }, seconds: 1 },
      t0,
    );
    expect(c.failing).toBeUndefined();
  });

  it('replaces shared code with each report and withdraws it when a report has none', () => {
    const a = mergeProgress(
      undefined,
      { exercise: 'x', goals: [false], seconds: 1, code: 'v1' },
      t0,
    );
    const b = mergeProgress(a, { exercise: 'x', goals: [false], seconds: 2, code: 'v2' }, t1);
    expect(b.code).toBe('v2');
    const c = mergeProgress(b, { exercise: 'x', goals: [false], seconds: 3 }, t2);
    expect(c.code).toBeUndefined();
  });
});
