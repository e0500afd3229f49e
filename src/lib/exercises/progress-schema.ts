/**
 * Workshop progress as stored in the browser and in exported files. Every stored shape carries
 * its version; older versions are migrated forward, unknown ones are refused (import) or reset
 * (local storage), never half-read.
 */
import { z } from 'zod';
import { SourceFileSchema } from '@go-memory-lab/sandbox-api/protocol';

/** Version 1: solved slugs and the learner's main.go per exercise. */
export const ProgressV1Schema = z.object({
  version: z.literal(1),
  solved: z.array(z.string()),
  code: z.record(z.string(), z.string()).default({}),
});
export type ProgressV1 = z.infer<typeof ProgressV1Schema>;

export const ExerciseStatusSchema = z.enum(['started', 'solved']);
export type ExerciseStatus = z.infer<typeof ExerciseStatusSchema>;

/** One exercise as version 2 stored it: its `files` say nothing of the start code they came from. */
export const ExerciseProgressV2Schema = z.object({
  status: ExerciseStatusSchema,
  /** The learner's files as last edited; absent when they never changed the start code. */
  files: z.array(SourceFileSchema).optional(),
  /** How many hints are revealed (they open one at a time). */
  hintsShown: z.number().int().nonnegative().default(0),
  solutionRevealed: z.boolean().default(false),
  /** Checks run so far. */
  attempts: z.number().int().nonnegative().default(0),
  /** ISO time of the first check with every goal met. */
  solvedAt: z.string().optional(),
  updatedAt: z.string(),
});

/** Version 2: per-exercise records with every file, hints, attempts and times. */
export const ProgressV2Schema = z.object({
  version: z.literal(2),
  exercises: z.record(z.string(), ExerciseProgressV2Schema),
});
export type ProgressV2 = z.infer<typeof ProgressV2Schema>;

/**
 * Version 3 stamps saved files with the start code they were edited from, so code written
 * against an exercise's old start is not loaded over its new one.
 */
export const ExerciseProgressSchema = ExerciseProgressV2Schema.extend({
  /**
   * `hashFiles` of the exercise's start files when `files` was saved. Absent on records migrated
   * from versions 1 and 2, whose start code is unknown.
   */
  startHash: z.string().optional(),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgressSchema>;

export const ProgressV3Schema = z.object({
  version: z.literal(3),
  exercises: z.record(z.string(), ExerciseProgressSchema),
});
export type Progress = z.infer<typeof ProgressV3Schema>;

export const CURRENT_VERSION = 3;

/** The exported file: a marker so a random JSON file is not mistaken for progress. */
export const ProgressFileSchema = z.object({
  app: z.literal('go-memory-lab-workshop'),
  exportedAt: z.string(),
  progress: z.unknown(),
});
