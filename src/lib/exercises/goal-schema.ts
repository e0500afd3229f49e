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
 * The heap decisions the exercise marks are gone, and nothing took their place. The markers are
 * the exercise's own: the lines of the START code carrying the marker comment name the targets
 * (the heap decisions the start has there) and the functions they sit in. The learner's code
 * then must have no heap decision about a target's variable or expression in that function, and
 * no more heap decisions in the function than the start had besides the targets (moving the
 * value into a new variable, or the comment to another line, changes nothing).
 */
export const NoHeapAtMarkerGoalSchema = z
  .object({
    type: z.literal('no-heap-at-marker'),
    file: z.string().default('main.go'),
    /** Text after `//` that marks a line in the start code; default `want: stack`. */
    marker: z.string().min(1).default(DEFAULT_MARKER),
    /**
     * Heap allocations the function may have beyond the start's (besides the targets), when the
     * lesson's fix itself moves something small to the heap; pair it with a hidden check on the
     * bytes so a copy of the whole value does not fit.
     */
    allowNew: z.number().int().min(0).default(0),
    says,
  })
  .strict();

/**
 * The parameter at `position` of function `function` does not leak: no `leaking param` (to the
 * heap or to a result) about it. Found in the current code's syntax tree by the function's name
 * and the parameter's position, so renaming the parameter changes nothing; `param` is its name
 * in the start code, for the reason text.
 */
export const ParamNoLeakGoalSchema = z
  .object({
    type: z.literal('param-does-not-leak'),
    file: z.string().default('main.go'),
    function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** 0-based position among the parameters (a method's receiver not counted). */
    position: z.number().int().min(0),
    /** Also forbid `leaking param content` (what the parameter points to reaches the heap). */
    includeContent: z.boolean().default(false),
    says,
  })
  .strict();

const metricName = z.string().regex(/^[A-Za-z][A-Za-z0-9/-]*$/);

/**
 * The exercise's hidden checks pass: benchmarks in `checks/*_test.go` that the checker adds to
 * the learner's package (with the exercise's own `_test.go` files in place of the learner's) and
 * that call `b.Fatal` when behaviour is wrong for inputs the learner does not see. Judged on
 * test2json's verdict for each named benchmark.
 */
export const ChecksPassGoalSchema = z
  .object({
    type: z.literal('checks-pass'),
    benchmarks: z.array(z.string().regex(/^Benchmark[A-Za-z0-9_]*$/)).min(1),
    says,
  })
  .strict();

/**
 * A figure a hidden benchmark reports with `b.ReportMetric` (the harness in
 * `content/exercises/_harness` measures `main` with runtime/metrics: `gc-cycles`, `forced-gc`,
 * `alloc-MB`, `peak-heap-MB`). The median of `runs` runs is compared with `value`, or with
 * `ofStart` times the median of as many runs of the start version taken in the same check.
 */
export const CheckMetricGoalSchema = z
  .object({
    type: z.literal('check-metric'),
    benchmark: z
      .string()
      .regex(/^Benchmark[A-Za-z0-9_]*$/)
      .default('BenchmarkGmlMain'),
    metric: metricName,
    op: z.enum(['<', '<=', '==', '>=', '>']),
    value: z.number().optional(),
    ofStart: z.number().gt(0).optional(),
    /** Runs of each version; odd, so the median is a real run. */
    runs: z
      .number()
      .int()
      .min(1)
      .max(7)
      .refine((n) => n % 2 === 1, 'runs must be odd')
      .default(3),
    says,
  })
  .strict()
  .refine((g) => (g.value === undefined) !== (g.ofStart === undefined), {
    message: 'give either value or ofStart',
  });

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
  OutputUnchangedGoalSchema,
  ChecksPassGoalSchema,
  CheckMetricGoalSchema,
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
