import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { storageKey } from '../../../src/client/snippet/storage.ts';
import { hashFiles } from '../../../src/lib/hash.ts';
import {
  emptyProgress,
  loadProgress,
  saveProgress,
  STORAGE_KEY,
  updateExercise,
} from '../../../src/lib/exercises/progress.ts';
import { savedCode, setAsideMessage } from '../../../src/lib/exercises/saved-code.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const SLUG = 'return-by-value';
/** A real exercise's start code, and the same exercise after an author edited it. */
const start: SourceFile[] = [
  {
    name: 'main.go',
    content: readFileSync(
      join(
        import.meta.dirname,
        '..',
        '..',
        '..',
        'content',
        'exercises',
        `03-${SLUG}`,
        'start',
        'main.go',
      ),
      'utf8',
    ),
  },
];
const newStart: SourceFile[] = [
  { name: 'main.go', content: start[0]!.content.replace('package main', 'package main // v2') },
];
const mine: SourceFile[] = [{ name: 'main.go', content: `${start[0]!.content}\n// my edit\n` }];

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    m,
  };
}

/** Saves `files` the way the exercise page does, then reads progress back from storage. */
function saveAndReload(files: SourceFile[], stamp: string | undefined) {
  const s = memoryStorage();
  const p = updateExercise(
    emptyProgress(),
    SLUG,
    { files, ...(stamp === undefined ? {} : { startHash: stamp }) },
    T0,
  );
  saveProgress(s, p);
  return loadProgress(s).exercises[SLUG];
}

describe('savedCode', () => {
  it('loads code saved against the current start', () => {
    const rec = saveAndReload(mine, hashFiles(start));
    expect(savedCode(rec, start, hashFiles(start))).toEqual({ kind: 'load', files: mine });
  });

  it('sets aside code saved against a start that has since changed', () => {
    const rec = saveAndReload(mine, hashFiles(start));
    expect(savedCode(rec, newStart, hashFiles(newStart))).toEqual({
      kind: 'set-aside',
      files: mine,
      reason: 'start-changed',
    });
  });

  it('sets aside unstamped code migrated from version 2 storage', () => {
    const s = memoryStorage();
    s.m.set(
      STORAGE_KEY,
      JSON.stringify({
        version: 2,
        exercises: {
          [SLUG]: {
            status: 'started',
            files: mine,
            hintsShown: 0,
            solutionRevealed: false,
            attempts: 1,
            updatedAt: T0,
          },
        },
      }),
    );
    const p = loadProgress(s);
    expect(p.version).toBe(3);
    expect(savedCode(p.exercises[SLUG], start, hashFiles(start))).toEqual({
      kind: 'set-aside',
      files: mine,
      reason: 'unstamped',
    });
  });

  it('has nothing to offer when there is no record, no files, or only the start code', () => {
    const h = hashFiles(start);
    expect(savedCode(undefined, start, h)).toEqual({ kind: 'none' });
    expect(savedCode(saveAndReload([], h), start, h)).toEqual({ kind: 'none' });
    expect(savedCode(saveAndReload(start, undefined), start, h)).toEqual({ kind: 'none' });
  });

  it('explains each reason differently', () => {
    expect(setAsideMessage('start-changed')).toMatch(/start code changed/);
    expect(setAsideMessage('unstamped')).toMatch(/predates/);
    expect(setAsideMessage('unstamped')).toContain('Restore my code');
  });
});

describe('hashFiles', () => {
  it('changes with any file content or name, and keeps existing snippet storage keys', () => {
    const h = hashFiles(start);
    expect(hashFiles(newStart)).not.toBe(h);
    expect(hashFiles([{ name: 'other.go', content: start[0]!.content }])).not.toBe(h);
    // Snippet edits already in learners' browsers are keyed by this hash: it must not drift.
    expect(storageKey('x', start)).toBe(`gml-snippet:v1:x:${h}`);
  });
});
