import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  mergeProgress,
  progressProblemText,
  saveProgress,
  STORAGE_KEY,
  updateExercise,
} from '../../../src/lib/exercises/progress.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

/** A progress file as version 1 of the workshop wrote it. */
const V1_FILE = JSON.stringify({
  app: 'go-memory-lab-workshop',
  exportedAt: T0,
  progress: {
    version: 1,
    solved: ['return-by-value'],
    code: { 'closure-capture': 'package main\n' },
  },
});

describe('importProgress', () => {
  it('migrates a version 1 file to version 2', () => {
    const r = importProgress(V1_FILE, T1);
    expect(r).toEqual({
      ok: true,
      migratedFrom: 1,
      progress: {
        version: 3,
        exercises: {
          'return-by-value': {
            status: 'solved',
            hintsShown: 0,
            solutionRevealed: false,
            attempts: 0,
            solvedAt: T1,
            updatedAt: T1,
          },
          'closure-capture': {
            status: 'started',
            files: [{ name: 'main.go', content: 'package main\n' }],
            hintsShown: 0,
            solutionRevealed: false,
            attempts: 0,
            updatedAt: T1,
          },
        },
      },
    });
  });

  it('migrates a version 2 file to version 3, its saved files left unstamped', () => {
    const record = {
      status: 'started',
      files: [{ name: 'main.go', content: 'package main // mine\n' }],
      hintsShown: 1,
      solutionRevealed: false,
      attempts: 4,
      updatedAt: T0,
    };
    const r = importProgress(JSON.stringify({ version: 2, exercises: { a: record } }), T1);
    expect(r).toEqual({
      ok: true,
      migratedFrom: 2,
      progress: { version: 3, exercises: { a: record } },
    });
    if (r.ok) expect(r.progress.exercises['a']).not.toHaveProperty('startHash');
  });

  it('round-trips its own export', () => {
    const p = updateExercise(
      emptyProgress(),
      'field-order',
      {
        status: 'solved',
        hintsShown: 2,
        files: [{ name: 'main.go', content: 'x' }],
        startHash: 'h1',
      },
      T0,
    );
    expect(importProgress(exportProgress(p, T1))).toEqual({ ok: true, progress: p });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no version', '{"solved": []}', /no version/],
    ['a newer version', '{"version": 4, "exercises": {}}', /version 4 is newer/],
    ['damaged v2', '{"version": 2, "exercises": {"a": {"status": "done"}}}', /damaged/],
  ])('refuses %s with a reason', (_, text, why) => {
    const r = importProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(progressProblemText('en', r.error)).toMatch(why);
  });

  it('says why in Chinese on a Chinese page, zod’s report quoted as printed', () => {
    const r = importProgress('{"version": 2, "exercises": {"a": {"status": "done"}}}');
    if (r.ok) throw new Error('expected a refusal');
    expect(progressProblemText('zh', r.error)).toMatch(/^第 2 版的进度数据已损坏：.*status/s);
    const odd = importProgress('{');
    expect(!odd.ok && progressProblemText('zh', odd.error)).toBe('文件不是 JSON');
  });
});

describe('mergeProgress', () => {
  it('keeps the newer record but never loses a solved exercise', () => {
    const mine = updateExercise(emptyProgress(), 'a', { status: 'solved' }, T0);
    const theirs = updateExercise(
      updateExercise(emptyProgress(), 'a', { hintsShown: 3 }, T1),
      'b',
      {},
      T1,
    );
    const merged = mergeProgress(mine, theirs);
    expect(merged.exercises['a']).toMatchObject({
      status: 'solved',
      solvedAt: T0,
      hintsShown: 3,
      updatedAt: T1,
    });
    expect(merged.exercises['b']?.status).toBe('started');
  });
});

describe('updateExercise', () => {
  it('stamps solvedAt once and keeps solved when the learner later breaks the code', () => {
    let p = updateExercise(emptyProgress(), 'a', { status: 'solved' }, T0);
    p = updateExercise(p, 'a', { status: 'started', attempts: 2 }, T1);
    expect(p.exercises['a']).toMatchObject({
      status: 'solved',
      solvedAt: T0,
      attempts: 2,
      updatedAt: T1,
    });
  });
});

describe('local storage', () => {
  const store = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      m,
    };
  };

  it('migrates a stored v1 value and saves the current version', () => {
    const s = store();
    s.m.set(STORAGE_KEY, JSON.stringify({ version: 1, solved: ['x'], code: {} }));
    const p = loadProgress(s);
    expect(p.exercises['x']?.status).toBe('solved');
    saveProgress(s, p);
    expect(JSON.parse(s.m.get(STORAGE_KEY)!)).toMatchObject({ version: 3 });
  });

  it('resets to empty on an unknown version or garbage', () => {
    const s = store();
    s.m.set(STORAGE_KEY, JSON.stringify({ version: 9 }));
    expect(loadProgress(s)).toEqual(emptyProgress());
    s.m.set(STORAGE_KEY, 'not json');
    expect(loadProgress(s)).toEqual(emptyProgress());
  });
});
