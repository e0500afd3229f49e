/**
 * Class presets computed from the exercises' own time estimates, so a preset stays true when
 * exercises are added or re-estimated. A preset takes every exercise of its focus chapters, then
 * adds others in course order while the exercises fill at most three quarters of the session:
 * the rest is for the instructor's explanations and questions.
 */
import type { MessageKey } from '../../i18n/t.ts';

export interface PresetExercise {
  slug: string;
  chapter: number;
  minutes: number;
}

export interface ClassPreset {
  id: string;
  /** Catalogue key of the button label. */
  label: MessageKey;
  /** Session length; undefined: the whole workshop, however long it is. */
  minutes?: number;
  /** Chapters whose exercises are always in (2: escape analysis, 4: the garbage collector). */
  focus: readonly number[];
}

export const CLASS_PRESETS: readonly ClassPreset[] = [
  { id: 'escape-gc-2h', label: 'class.preset.escapeGc2h', minutes: 120, focus: [2, 4] },
  { id: 'escape-1h', label: 'class.preset.escape1h', minutes: 60, focus: [2] },
  { id: 'gc-1h', label: 'class.preset.gc1h', minutes: 60, focus: [4] },
  { id: 'full', label: 'class.preset.full', focus: [1, 2, 3, 4, 5] },
];

/** Share of a session the exercises may fill. */
export const EXERCISE_SHARE = 0.75;

/** The preset's exercises, in course order (the order of `all`). */
export function presetExercises(preset: ClassPreset, all: readonly PresetExercise[]): string[] {
  const picked = new Set(all.filter((e) => preset.focus.includes(e.chapter)).map((e) => e.slug));
  if (preset.minutes !== undefined) {
    const budget = preset.minutes * EXERCISE_SHARE;
    let total = all.filter((e) => picked.has(e.slug)).reduce((n, e) => n + e.minutes, 0);
    for (const e of all) {
      if (picked.has(e.slug) || total + e.minutes > budget) continue;
      picked.add(e.slug);
      total += e.minutes;
    }
  }
  return all.filter((e) => picked.has(e.slug)).map((e) => e.slug);
}

/** Estimated minutes of a list of exercises. */
export function totalMinutes(slugs: readonly string[], all: readonly PresetExercise[]): number {
  return slugs.reduce((n, s) => n + (all.find((e) => e.slug === s)?.minutes ?? 0), 0);
}
