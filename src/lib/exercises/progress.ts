/**
 * Reading, migrating, merging and exporting workshop progress. Pure apart from the tiny
 * storage adapter at the end, which takes the Storage as a parameter.
 */
import { z } from 'zod';
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import {
  CURRENT_VERSION,
  ProgressFileSchema,
  ProgressV1Schema,
  ProgressV2Schema,
  ProgressV3Schema,
  type ExerciseProgress,
  type Progress,
  type ProgressV1,
  type ProgressV2,
} from './progress-schema.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export const STORAGE_KEY = 'gml-workshop-progress';

export function emptyProgress(): Progress {
  return { version: CURRENT_VERSION, exercises: {} };
}

/** v1 kept only solved slugs and main.go; it had no times, so the migration stamps `at`. */
export function migrateV1(v1: ProgressV1, at: string): Progress {
  const exercises: Record<string, ExerciseProgress> = {};
  const slugs = new Set([...v1.solved, ...Object.keys(v1.code)]);
  for (const slug of slugs) {
    const solved = v1.solved.includes(slug);
    const code = v1.code[slug];
    exercises[slug] = {
      status: solved ? 'solved' : 'started',
      ...(code === undefined ? {} : { files: [{ name: 'main.go', content: code }] }),
      hintsShown: 0,
      solutionRevealed: false,
      attempts: 0,
      ...(solved ? { solvedAt: at } : {}),
      updatedAt: at,
    };
  }
  return { version: CURRENT_VERSION, exercises };
}

/**
 * v2 records had no start stamp. They keep none: the exercise page, which knows the current
 * start code, decides what to do with unstamped code (see savedCode.ts).
 */
export function migrateV2(v2: ProgressV2): Progress {
  return { version: CURRENT_VERSION, exercises: v2.exercises };
}

/** Why a file is not progress, as a `workshop.import.*` code (zod's report stays as printed). */
export type ProgressProblem =
  | { code: 'notJson' | 'noVersion' }
  | { code: 'newer'; version: number }
  | { code: 'damaged'; version: number; detail: string };

export type ParseOutcome =
  { ok: true; progress: Progress; migratedFrom?: number } | { ok: false; error: ProgressProblem };

export function progressProblemText(locale: Locale, p: ProgressProblem): string {
  const { code, ...params } = p;
  return t(locale, `workshop.import.${code}`, params);
}

const damaged = (version: number, error: z.ZodError): ParseOutcome => ({
  ok: false,
  error: { code: 'damaged', version, detail: z.prettifyError(error) },
});

/** Any stored or imported value → current progress, migrating older versions. */
export function parseProgress(
  value: unknown,
  now: string = new Date().toISOString(),
): ParseOutcome {
  const version = z.object({ version: z.number() }).safeParse(value);
  if (!version.success) return { ok: false, error: { code: 'noVersion' } };
  switch (version.data.version) {
    case 1: {
      const v1 = ProgressV1Schema.safeParse(value);
      return v1.success
        ? { ok: true, progress: migrateV1(v1.data, now), migratedFrom: 1 }
        : damaged(1, v1.error);
    }
    case 2: {
      const v2 = ProgressV2Schema.safeParse(value);
      return v2.success
        ? { ok: true, progress: migrateV2(v2.data), migratedFrom: 2 }
        : damaged(2, v2.error);
    }
    case CURRENT_VERSION: {
      const v3 = ProgressV3Schema.safeParse(value);
      return v3.success ? { ok: true, progress: v3.data } : damaged(CURRENT_VERSION, v3.error);
    }
    default:
      return { ok: false, error: { code: 'newer', version: version.data.version } };
  }
}

/**
 * Merges imported progress into the current one. Per exercise the more recently updated record
 * wins, but a solved exercise stays solved: importing an old file never loses a success.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const exercises = { ...current.exercises };
  for (const [slug, inc] of Object.entries(incoming.exercises)) {
    const cur = exercises[slug];
    if (!cur) {
      exercises[slug] = inc;
      continue;
    }
    const newer = inc.updatedAt > cur.updatedAt ? inc : cur;
    const solvedOne = [cur, inc].find((p) => p.status === 'solved');
    exercises[slug] = solvedOne
      ? {
          ...newer,
          status: 'solved',
          ...(solvedOne.solvedAt ? { solvedAt: solvedOne.solvedAt } : {}),
        }
      : newer;
  }
  return { version: CURRENT_VERSION, exercises };
}

/** The text of an export file. */
export function exportProgress(p: Progress, now: string = new Date().toISOString()): string {
  return `${JSON.stringify({ app: 'go-memory-lab-workshop', exportedAt: now, progress: p }, null, 2)}\n`;
}

/** Reads an export file (or a bare progress object) of any known version. */
export function importProgress(text: string, now?: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  const wrapped = ProgressFileSchema.safeParse(json);
  return parseProgress(wrapped.success ? wrapped.data.progress : json, now);
}

/** Records a change to one exercise and returns the new progress (the input is not mutated). */
export function updateExercise(
  p: Progress,
  slug: string,
  change: Partial<Omit<ExerciseProgress, 'updatedAt'>> & { files?: SourceFile[] },
  now: string = new Date().toISOString(),
): Progress {
  const prev: ExerciseProgress = p.exercises[slug] ?? {
    status: 'started',
    hintsShown: 0,
    solutionRevealed: false,
    attempts: 0,
    updatedAt: now,
  };
  const next: ExerciseProgress = { ...prev, ...change, updatedAt: now };
  if (prev.status === 'solved') next.status = 'solved';
  if (next.status === 'solved' && !next.solvedAt) next.solvedAt = now;
  return { version: CURRENT_VERSION, exercises: { ...p.exercises, [slug]: next } };
}

/** Local storage adapter: a damaged or unknown value resets to empty rather than breaking the page. */
export function loadProgress(storage: Pick<Storage, 'getItem'>): Progress {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return emptyProgress();
  }
  if (raw === null) return emptyProgress();
  try {
    const parsed = parseProgress(JSON.parse(raw));
    return parsed.ok ? parsed.progress : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(storage: Pick<Storage, 'setItem'>, p: Progress): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: progress then lives only for this page view.
  }
}
