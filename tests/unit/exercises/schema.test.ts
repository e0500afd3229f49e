import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExerciseMetaSchema } from '../../../src/lib/exercises/exercise-schema.ts';
import { GoalSchema, isExerciseOnlyGoal } from '../../../src/lib/exercises/goal-schema.ts';
import { EXERCISES_DIR, loadExercises } from '../../../src/lib/exercises/load.ts';
import { findFunctions } from '../../../src/lib/exercises/source-scan.ts';
import { loadCheats } from '../../content/support/cheats.ts';

describe('the exercises under content/', () => {
  const all = loadExercises();

  it('are at least ten, at least two per chapter, ordered by chapter then difficulty', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const ch of [1, 2, 3, 4, 5]) {
      expect(all.filter((e) => e.chapter === ch).length, `chapter ${ch}`).toBeGreaterThanOrEqual(2);
    }
    const keys = all.map((e) => e.chapter * 10 + e.difficulty);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('each has hints, goals, instructions and both code trees with the same file names', () => {
    for (const ex of all) {
      expect(ex.hints.length, ex.slug).toBeGreaterThan(0);
      expect(
        ex.start.map((f) => f.name),
        ex.slug,
      ).toEqual(ex.solution.map((f) => f.name));
      expect(
        ex.start.map((f) => f.content),
        ex.slug,
      ).not.toEqual(ex.solution.map((f) => f.content));
    }
  });

  it('each has cheat fixtures, and every hidden benchmark a goal names is in its checks', () => {
    for (const ex of all) {
      expect(loadCheats(ex.slug).length, `${ex.slug} has no cheats/`).toBeGreaterThan(0);
      const declared = new Set(
        ex.checks.flatMap((f) => findFunctions(f.content).map((fn) => fn.name)),
      );
      for (const g of ex.goals) {
        const names =
          g.type === 'checks-pass'
            ? g.benchmarks
            : g.type === 'check-metric' ||
                (g.type === 'bench' && g.benchmark.startsWith('BenchmarkCheck'))
              ? [g.benchmark]
              : [];
        for (const n of names) expect(declared.has(n), `${ex.slug}: ${n}`).toBe(true);
      }
    }
  });

  it('marker goals have a marked line in both the start and the solution', () => {
    for (const ex of all) {
      if (!ex.goals.some((g) => g.type === 'no-heap-at-marker')) continue;
      for (const tree of [ex.start, ex.solution]) {
        expect(tree.find((f) => f.name === 'main.go')?.content, ex.slug).toContain(
          '// want: stack',
        );
      }
    }
  });
});

describe('ExerciseMetaSchema', () => {
  const good = {
    title: 'Keep it on the stack',
    chapter: 2,
    difficulty: 1,
    estimatedMinutes: 5,
    summary: 'Return a value, not a pointer.',
    hints: ['Look at the result type.'],
    goals: [{ type: 'no-heap-at-marker', says: 'nothing on the marked line is on the heap' }],
  };

  it('fills defaults for options and goal fields', () => {
    const ex = ExerciseMetaSchema.parse(good);
    expect(ex.mode).toBe('build');
    expect(ex.goals[0]).toMatchObject({ file: 'main.go', marker: 'want: stack' });
  });

  it.each([
    ['an unknown goal type', { goals: [{ type: 'faster', says: 'it is faster' }] }],
    ['no hints', { hints: [] }],
    ['chapter 6', { chapter: 6 }],
    ['an unknown field', { author: 'me' }],
    ['a GOGC out of range', { env: { GOGC: '0' } }],
    [
      'a metric goal with both a value and a fraction of the start',
      {
        goals: [
          {
            type: 'check-metric',
            metric: 'gc-cycles',
            op: '<=',
            value: 1,
            ofStart: 0.5,
            says: 'x',
          },
        ],
      },
    ],
    [
      'an even number of runs',
      {
        goals: [
          { type: 'check-metric', metric: 'gc-cycles', op: '<=', value: 1, runs: 2, says: 'x' },
        ],
      },
    ],
  ])('rejects %s', (_, change) => {
    expect(ExerciseMetaSchema.safeParse({ ...good, ...change }).success).toBe(false);
  });

  it('accepts chapter claims as goals and tells them apart from exercise-only goals', () => {
    const claim = GoalSchema.parse({
      type: 'bench',
      benchmark: 'BenchmarkX',
      metric: 'allocsPerOp',
      op: '<=',
      value: 0,
      says: 'no allocations',
    });
    expect(isExerciseOnlyGoal(claim)).toBe(false);
    expect(
      isExerciseOnlyGoal(GoalSchema.parse({ type: 'output-unchanged', says: 'same output' })),
    ).toBe(true);
  });
});

describe('loadExercises', () => {
  it('names the folder and the field when exercise.json is invalid', () => {
    const root = mkdtempSync(join(tmpdir(), 'gml-ex-'));
    cpSync(join(EXERCISES_DIR, '03-return-by-value'), join(root, '03-return-by-value'), {
      recursive: true,
    });
    writeFileSync(
      join(root, '03-return-by-value', 'exercise.json'),
      JSON.stringify({ title: 'x' }),
    );
    expect(() => loadExercises(root)).toThrow(
      /03-return-by-value\/exercise\.json is invalid[\s\S]*chapter/,
    );
  });

  it('rejects a folder without a number', () => {
    const root = mkdtempSync(join(tmpdir(), 'gml-ex-'));
    mkdirSync(join(root, 'no-number'));
    expect(() => loadExercises(root)).toThrow(/03-some-slug/);
  });
});
