/**
 * A loaded exercise: its validated metadata plus the prose and the two code trees. Browser-safe
 * (no Node imports): the workshop page serialises this shape into the page for the client.
 */
import { z } from 'zod';
import { SourceFileSchema } from '@go-memory-lab/sandbox-api/protocol';
import { ExerciseMetaSchema } from './exercise-schema.ts';

/** Folder names look like `03-return-by-value`: the number orders, the rest is the slug. */
export const EXERCISE_DIR_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export const ExerciseSchema = ExerciseMetaSchema.extend({
  /** URL id: the folder name without its number, e.g. `return-by-value`. */
  slug: z.string(),
  /** The folder's number: the order on the index and within a chapter. */
  order: z.number().int().nonnegative(),
  /** `instructions.md`, as written (Markdown). */
  instructions: z.string().min(10),
  start: z.array(SourceFileSchema).min(1),
  solution: z.array(SourceFileSchema).min(1),
  /**
   * Hidden `_test.go` files the checker adds to every bench run: `checks/` of the exercise, plus
   * the shared harness (`content/exercises/_harness`) when a goal reads one of its figures.
   */
  checks: z.array(SourceFileSchema).default([]),
});
export type Exercise = z.infer<typeof ExerciseSchema>;
