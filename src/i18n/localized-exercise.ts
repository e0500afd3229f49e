import { getEntry, type CollectionEntry } from 'astro:content';
import type { Locale } from './locales.ts';

type Exercise = CollectionEntry<'exercises'>;

/**
 * An exercise in the page's language: the Chinese edition takes the title, summary, hints and
 * what each goal says from `exercise.zh.json`; code, checks and goal predicates stay shared.
 * Build-time only (astro:content). Every page that names exercises goes through here, so a
 * title is never English on a zh page because one page forgot the swap.
 */
export async function localizedExercise(e: Exercise, locale: Locale): Promise<Exercise> {
  if (locale !== 'zh') return e;
  const zh = await getEntry('exerciseTextZh', e.id);
  if (!zh) return e;
  return {
    ...e,
    data: {
      ...e.data,
      title: zh.data.title,
      summary: zh.data.summary,
      hints: zh.data.hints,
      goals: e.data.goals.map((g, n) => ({ ...g, says: zh.data.goals[n] ?? g.says })),
    },
  };
}

/** {@link localizedExercise} for a list, order kept. */
export function localizedExercises(
  entries: readonly Exercise[],
  locale: Locale,
): Promise<Exercise[]> {
  return Promise.all(entries.map((e) => localizedExercise(e, locale)));
}
