/**
 * Goals of a workshop exercise: every claim type from the chapter claims (checked by the same
 * evaluator) plus goals that only make sense against a learner's edited code and the exercise's
 * start version. Goals are data in `exercise.json`; this schema rejects anything malformed.
 */
import { z } from 'zod';
import { ClaimSchema } from '../claims/schema.ts';

/** The comment that marks a line whose allocations must stay on the stack. */
export const DEFAULT_MARKER = 'want: stack';

const says = z.string().min(3);

/**
 * No heap decision (moved to heap / escapes to heap) on any line carrying the marker comment.
 * The lines are found in the learner's current code, so edits that move lines keep working.
 */
export const NoHeapAtMarkerGoalSchema = z
  .object({
    type: z.literal('no-heap-at-marker'),
    file: z.string().default('main.go'),
    /** Text after `//` that marks a line; default `want: stack`. */
    marker: z.string().min(1).default(DEFAULT_MARKER),
    says,
  })
  .strict();

/**
 * Parameter `param` of function `function` does not leak: no `leaking param` (to the heap or
 * to a result) about it. Found by the function's name in the current code, not by a line number.
 */
export const ParamNoLeakGoalSchema = z
  .object({
    type: z.literal('param-does-not-leak'),
    file: z.string().default('main.go'),
    function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** Also forbid `leaking param content` (what the parameter points to reaches the heap). */
    includeContent: z.boolean().default(false),
    says,
  })
  .strict();

/**
 * The current code runs fewer GC cycles than the start version under the same knobs. Both are
 * run `runs` times and the medians compared, because cycle counts vary from run to run.
 */
export const FewerGcCyclesGoalSchema = z
  .object({
    type: z.literal('fewer-gc-cycles-than-start'),
    /** Runs of each version; the medians are compared. Odd numbers give a real median. */
    runs: z.number().int().min(1).max(7).default(3),
    /**
     * The current median must be at most this fraction of the start's median (0.5 = halve).
     * Without it, any strictly smaller median passes.
     */
    atMostFraction: z.number().gt(0).lt(1).optional(),
    says,
  })
  .strict();

/** The program's stdout is exactly the start version's (run mode, same knobs). */
export const OutputUnchangedGoalSchema = z
  .object({
    type: z.literal('output-unchanged'),
    says,
  })
  .strict();

export const ExerciseOnlyGoalSchema = z.discriminatedUnion('type', [
  NoHeapAtMarkerGoalSchema,
  ParamNoLeakGoalSchema,
  FewerGcCyclesGoalSchema,
  OutputUnchangedGoalSchema,
]);
export type ExerciseOnlyGoal = z.infer<typeof ExerciseOnlyGoalSchema>;

export const GoalSchema = z.union([ExerciseOnlyGoalSchema, ClaimSchema]);
export type Goal = z.infer<typeof GoalSchema>;

const EXERCISE_ONLY_TYPES: ReadonlySet<string> = new Set(
  ExerciseOnlyGoalSchema.options.map((o) => o.shape.type.value),
);

export function isExerciseOnlyGoal(goal: Goal): goal is ExerciseOnlyGoal {
  return EXERCISE_ONLY_TYPES.has(goal.type);
}
