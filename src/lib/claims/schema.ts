/**
 * Claims and goals: facts about one analysis result that prose (chapter snippets) or a task
 * (workshop exercises) relies on. They are data, validated by these schemas, and checked against
 * the real toolchain by tests (content) and in the browser (exercises).
 */
import { z } from 'zod';
import { DecisionKindSchema, ModeSchema, RunEnvSchema } from '@go-memory-lab/sandbox-api/protocol';

/** Run the snippet with these options instead of its own before checking the claim. */
export const VariantOverrideSchema = z
  .object({
    mode: ModeSchema.optional(),
    inline: z.boolean().optional(),
    escapeDetail: z.union([z.literal(1), z.literal(2)]).optional(),
    env: RunEnvSchema.optional(),
  })
  .strict();

export const ComparisonSchema = z.enum(['<', '<=', '==', '>=', '>']);

/**
 * How many times to run for a figure that varies per run (cycle counts, allocs/op); the median
 * is compared. Odd numbers give a real median. Omitted means one run.
 */
export const RunsSchema = z.number().int().min(1).max(9).optional();

/** Where a claim about one line points: the file (main.go unless named) and the line. */
const at = {
  file: z.string().default('main.go'),
  line: z.number().int().positive(),
};

/** The GC summary figures a claim can compare. */
const GcMetricSchema = z.enum(['cycles', 'forcedCycles', 'peakHeapMB', 'maxGoalMB']);

const base = {
  /** The claim in words, as the prose states it; shown when the claim fails. */
  says: z.string().min(3),
  with: VariantOverrideSchema.optional(),
};

export const ClaimSchema = z.discriminatedUnion('type', [
  /** A compiler decision of `kind` about `subject` is (or is not) reported on `line`. */
  z
    .object({
      type: z.literal('decision'),
      ...at,
      kind: DecisionKindSchema,
      /** Exact subject as the compiler names it (`x`, `&T{...}`, `make([]int, n)`). */
      subject: z.string().optional(),
      present: z.boolean().default(true),
      ...base,
    })
    .strict(),
  /** No heap decision (moved to heap / escapes to heap) on `line`: everything there stays on the stack. */
  z
    .object({
      type: z.literal('stack'),
      ...at,
      ...base,
    })
    .strict(),
  /** The -m=2 explanation for a heap decision on `line` contains a step with reason `why`. */
  z
    .object({
      type: z.literal('flow'),
      ...at,
      why: z.string(),
      ...base,
    })
    .strict(),
  /** A benchmark's allocations or bytes per op compared with a number. */
  z
    .object({
      type: z.literal('bench'),
      benchmark: z.string(),
      metric: z.enum(['allocsPerOp', 'bytesPerOp']),
      op: ComparisonSchema,
      value: z.number(),
      runs: RunsSchema,
      ...base,
    })
    .strict(),
  /** A GC summary figure compared with a number (shapes, not exact timings). */
  z
    .object({
      type: z.literal('gc'),
      metric: GcMetricSchema,
      op: ComparisonSchema,
      value: z.number(),
      runs: RunsSchema,
      ...base,
    })
    .strict(),
  /** A GC figure of this run compared with the same figure under other options. */
  z
    .object({
      type: z.literal('gc-compare'),
      metric: GcMetricSchema,
      op: ComparisonSchema,
      than: VariantOverrideSchema,
      runs: RunsSchema,
      ...base,
    })
    .strict(),
  /** Program output (stdout) contains a string or matches a pattern. */
  z
    .object({
      type: z.literal('output'),
      contains: z.string().optional(),
      matches: z.string().optional(),
      ...base,
    })
    .strict(),
  /** The code fails to compile with an error on `line`. */
  z
    .object({
      type: z.literal('compile-error'),
      ...at,
      contains: z.string().optional(),
      ...base,
    })
    .strict(),
]);
export type Claim = z.infer<typeof ClaimSchema>;
