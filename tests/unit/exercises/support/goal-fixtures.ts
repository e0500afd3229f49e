/**
 * Shared by the goal-evaluation tests: AnalyzeResponses captured from the real toolchain
 * (../fixtures/capture.ts), the verdict with its reasons rendered as the English page shows them,
 * and the exercises as the site loads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { evaluateGoal as judgeGoal } from '../../../../src/lib/exercises/evaluate-goal.ts';
import { loadExercises } from '../../../../src/lib/exercises/load.ts';
import { renderReason } from '../../../../src/lib/exercises/reason.ts';

export const fixture = (name: string): AnalyzeResponse =>
  AnalyzeResponseSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8')),
  );

/** The verdict with its reasons rendered as the English page shows them. */
export const evaluateGoal = (...args: Parameters<typeof judgeGoal>) => {
  const v = judgeGoal(...args);
  return {
    ...v,
    reason: renderReason('en', v.reason),
    judgedBy: v.judgedBy && renderReason('en', v.judgedBy),
  };
};

const exercises = loadExercises();
export const exercise = (slug: string) => exercises.find((e) => e.slug === slug)!;
