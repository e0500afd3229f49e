/**
 * Start facts: every figure and compiler message an exercise's texts state about its start is
 * declared once in exercise.json and quoted verbatim in both languages (so a figure changed in one
 * place fails here), and the judge reads them from runs captured on the real toolchain
 * (fixtures/capture.ts). The figures themselves are judged on fresh runs in
 * tests/content/exercises.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { EXERCISES_DIR, loadExercises } from '../../../src/lib/exercises/load.ts';
import {
  judgeStartFact,
  statedFigure,
  textProblems,
  type StartFact,
} from '../../../src/lib/exercises/start-facts.ts';

const fixture = (name: string): AnalyzeResponse =>
  AnalyzeResponseSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')),
  );

/** Everything a learner reads about one exercise, per language. */
function texts(folder: string): { en: string; zh: string } {
  const dir = join(EXERCISES_DIR, folder);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const fields = (j: { title: string; summary: string; hints: string[] }, goals: string[]) =>
    [j.title, j.summary, ...j.hints, ...goals].join('\n');
  const en = JSON.parse(read('exercise.json')) as {
    title: string;
    summary: string;
    hints: string[];
    goals: { says: string }[];
  };
  const zh = JSON.parse(read('exercise.zh.json')) as {
    title: string;
    summary: string;
    hints: string[];
    goals: string[];
  };
  return {
    en: `${read('instructions.md')}\n${fields(
      en,
      en.goals.map((g) => g.says),
    )}`,
    zh: `${read('instructions.zh.md')}\n${fields(zh, zh.goals)}`,
  };
}

describe('the exercises under content/', () => {
  const all = loadExercises();

  it('state each start fact in both languages, with the figure exercise.json declares', () => {
    for (const ex of all) {
      const folder = `${String(ex.order).padStart(2, '0')}-${ex.slug}`;
      for (const fact of ex.startFacts) {
        if (fact.type === 'figure') expect(fact.min, ex.slug).toBeLessThanOrEqual(fact.max);
        expect(textProblems(fact, texts(folder)), `${ex.slug}`).toEqual([]);
      }
    }
  });

  it('state no allocation or cycle figure that is neither a start fact nor a goal value', () => {
    // `1000 allocs/op`, `64 B/op`, `15–24 GC cycles`, `50 轮`: a figure with its unit.
    const FIGURE = /(\d+(?:–\d+)?) ?(?:allocs?\/op|B\/op|(?:`\(forced\)` |GC )?cycles|轮)/g;
    for (const ex of all) {
      const folder = `${String(ex.order).padStart(2, '0')}-${ex.slug}`;
      const goalValues = new Set(
        ex.goals.flatMap((g) => ('value' in g && g.value !== undefined ? [String(g.value)] : [])),
      );
      for (const [locale, text] of Object.entries(texts(folder)) as ['en' | 'zh', string][]) {
        const quoted = ex.startFacts.flatMap((f) => (f.type === 'figure' ? f.quotes[locale] : []));
        for (const m of text.matchAll(FIGURE)) {
          const inQuote = quoted.some((q) => {
            for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1))
              if (at <= m.index && m.index + m[0].length <= at + q.length) return true;
            return false;
          });
          expect(
            inQuote || goalValues.has(m[1]!),
            `${ex.slug} (${locale}) states "${m[0]}" with no start fact or goal behind it`,
          ).toBe(true);
        }
      }
    }
  });

  it('back the start figures the issue names with facts', () => {
    const figures = all.flatMap((ex) =>
      ex.startFacts.flatMap((f) =>
        f.type === 'figure' ? [`${ex.order} ${f.metric} ${statedFigure(f)}`] : [],
      ),
    );
    expect(figures).toEqual(
      expect.arrayContaining([
        '2 allocs/op 1',
        '2 B/op 64',
        '7 allocs/op 1000',
        '8 B/op 32768',
        '9 forced-gc 50',
        '10 gc-cycles 15–30',
        '11 gc-cycles 21–24',
        '12 allocs/op 1',
        '12 B/op 64',
      ]),
    );
  });
});

describe('textProblems', () => {
  const fact: StartFact = {
    type: 'figure',
    benchmark: 'BenchmarkX',
    metric: 'allocs/op',
    min: 1,
    max: 1,
    quotes: { en: ['reports 1 alloc/op'], zh: ['报告 1 alloc/op'] },
  };

  it('passes when both languages quote the figure', () => {
    expect(textProblems(fact, { en: 'It reports 1 alloc/op.', zh: '它报告 1 alloc/op。' })).toEqual(
      [],
    );
  });

  it('names the language whose text says another figure', () => {
    expect(textProblems(fact, { en: 'It reports 1 alloc/op.', zh: '它报告 2 alloc/op。' })).toEqual(
      ['zh texts do not contain "报告 1 alloc/op"'],
    );
  });

  it('refuses a quote whose figure differs from the declared one, also inside a longer number', () => {
    const drifted = { ...fact, quotes: { en: ['reports 16 alloc/op'], zh: ['报告 1.5 alloc/op'] } };
    expect(textProblems(drifted, { en: 'reports 16 alloc/op', zh: '报告 1.5 alloc/op' })).toEqual([
      'en quote "reports 16 alloc/op" does not state 1',
      'zh quote "报告 1.5 alloc/op" does not state 1',
    ]);
  });

  it('wants a quoted compiler message in both languages', () => {
    const msg: StartFact = { type: 'compiler', message: 'moved to heap: m' };
    expect(textProblems(msg, { en: '`moved to heap: m`', zh: '移到了堆上' })).toEqual([
      'zh texts do not quote `moved to heap: m`',
    ]);
  });
});

describe('judgeStartFact on captured runs', () => {
  const forced = (min: number, max: number): StartFact => ({
    type: 'figure',
    benchmark: 'BenchmarkGmlMain',
    metric: 'forced-gc',
    min,
    max,
    quotes: { en: ['x 50'], zh: ['x 50'] },
  });
  const bench = [fixture('no-forced-gc.start.bench')];

  it('reads a harness metric and compares the median with the stated range', () => {
    expect(judgeStartFact(forced(50, 50), { build: undefined, bench })).toMatchObject({
      met: true,
    });
    const wrong = judgeStartFact(forced(40, 45), { build: undefined, bench: [...bench, ...bench] });
    expect(wrong).toEqual({
      met: false,
      reason: 'BenchmarkGmlMain forced-gc: median 50 of 50, 50, not in 40–45',
    });
  });

  it('says why when the benchmark or the runs are missing', () => {
    const other = { ...forced(50, 50), benchmark: 'BenchmarkNope' };
    expect(judgeStartFact(other, { build: undefined, bench })).toEqual({
      met: false,
      reason: 'BenchmarkNope reported no result',
    });
    expect(judgeStartFact(forced(50, 50), { build: undefined, bench: [] }).met).toBe(false);
  });

  it('finds a compiler message in the start build and not in the solution build', () => {
    const msg: StartFact = { type: 'compiler', message: 'moved to heap: r' };
    const start = fixture('allocation-checklist.start.build');
    const solution = fixture('allocation-checklist.solution.build');
    expect(judgeStartFact(msg, { build: start, bench: [] }).met).toBe(true);
    expect(judgeStartFact(msg, { build: solution, bench: [] }).met).toBe(false);
  });
});
