/** What an exercise page hands its client script (serialised as JSON into the page). */
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import type { Goal } from './goal-schema.ts';
import type { Variant } from './variant.ts';

export interface ExercisePayload {
  slug: string;
  title: string;
  base: Variant;
  goals: Goal[];
  start: SourceFile[];
  solution: SourceFile[];
  /** Hidden test files the checker adds to bench runs (not shown in the editor). */
  checks: SourceFile[];
  /** Number of hints (their text is in the page). */
  hints: number;
  /** Every exercise slug in course order, for previous/next without a sequence. */
  order: string[];
  titles: Record<string, string>;
}
