/**
 * The exercises the class pages (new, join, dashboard) offer, in the page's language. Build
 * time only: it reads the exercises collection.
 */
import { getCollection } from 'astro:content';
import { localizedExercises } from '../../i18n/localized-exercise.ts';
import type { Locale } from '../../i18n/locales.ts';
import { classExercises, type ClassExercise } from '../../lib/classes/class-exercises.ts';

export async function classPageExercises(locale: Locale): Promise<ClassExercise[]> {
  return classExercises(await localizedExercises(await getCollection('exercises'), locale));
}
