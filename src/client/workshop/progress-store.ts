/** Browser-side progress: the pure functions of lib/exercises bound to localStorage. */
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import type { ExerciseProgress, Progress } from '../../lib/exercises/progress-schema.ts';
import {
  emptyProgress,
  loadProgress,
  saveProgress,
  updateExercise,
} from '../../lib/exercises/progress.ts';

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function readProgress(): Progress {
  const s = storage();
  return s ? loadProgress(s) : emptyProgress();
}

export function writeProgress(p: Progress): void {
  const s = storage();
  if (s) saveProgress(s, p);
}

/** Applies a change to one exercise's record and stores it; returns the new record. */
export function recordExercise(
  slug: string,
  change: Partial<Omit<ExerciseProgress, 'updatedAt'>> & { files?: SourceFile[] },
): ExerciseProgress {
  const next = updateExercise(readProgress(), slug, change);
  writeProgress(next);
  return next.exercises[slug]!;
}

const STASH_PREFIX = 'gml-workshop-stash:';

/** The learner's own code, kept aside while the solution is in the editor. */
export function stashCode(slug: string, files: SourceFile[] | undefined): void {
  const s = storage();
  if (!s) return;
  try {
    if (files) s.setItem(STASH_PREFIX + slug, JSON.stringify(files));
    else s.removeItem(STASH_PREFIX + slug);
  } catch {
    // Quota or private mode: the stash then lives only in memory (the controller keeps a copy).
  }
}

export function readStash(slug: string): SourceFile[] | undefined {
  const raw = storage()?.getItem(STASH_PREFIX + slug);
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? (v as SourceFile[]) : undefined;
  } catch {
    return undefined;
  }
}
