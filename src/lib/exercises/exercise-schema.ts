/**
 * `content/exercises/<NN-slug>/exercise.json`: everything about an exercise except its prose
 * (`instructions.md`) and code (`start/*.go`, `solution/*.go`), which are real files beside it.
 */
import { z } from 'zod';
import { ModeSchema, RunEnvSchema } from '@go-memory-lab/sandbox-api/protocol';
import { GoalSchema } from './goal-schema.ts';
import { StartFactSchema } from './start-facts.ts';

export const ExerciseMetaSchema = z
  .object({
    /** Task title, e.g. "Keep the midpoint on the stack". */
    title: z.string().min(3),
    /** Chapter (1–5) whose material the exercise practises; the index groups by it. */
    chapter: z.number().int().min(1).max(5),
    /** 1 = warm-up, 2 = needs the chapter, 3 = combines several ideas. */
    difficulty: z.number().int().min(1).max(3),
    /** Honest estimate for a learner who has read the chapter, shown on the index. */
    estimatedMinutes: z.number().int().min(1).max(120),
    /** One sentence for the index and the meta description. */
    summary: z.string().min(10),
    /** Options every check runs with (a goal's `with` may override them for that goal). */
    mode: ModeSchema.default('build'),
    escapeDetail: z.union([z.literal(1), z.literal(2)]).default(2),
    inline: z.boolean().default(true),
    env: RunEnvSchema.default({}),
    /** Hints, revealed one at a time, gentlest first. */
    hints: z.array(z.string().min(3)).min(1),
    /** All must be met; each is checked on the real toolchain on every run. */
    goals: z.array(GoalSchema).min(1),
    /** Figures and compiler messages the texts state about the start (start-facts.ts). */
    startFacts: z.array(StartFactSchema).default([]),
  })
  .strict();
export type ExerciseMeta = z.infer<typeof ExerciseMetaSchema>;
