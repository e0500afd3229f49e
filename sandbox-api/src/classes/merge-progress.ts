/**
 * Folds one progress report into a learner's cell. Pure, so the rules are unit-tested:
 * - every report is one check, so attempts count up by one;
 * - the goals and failing reason shown are the latest check's (the room needs "where are they
 *   now"), but "solved" is sticky: the first all-goals-met check fixes solvedAt/solvedSeconds,
 *   and a later experiment that breaks a goal does not un-solve the exercise;
 * - time on the exercise never goes backwards (two tabs may report out of order);
 * - shared code is replaced by each report, and dropped by a report without code, so unticking
 *   "share my code" withdraws what the instructor can see.
 */
import type { StoredCell } from './class-store.ts';

export interface CheckReport {
  exercise: string;
  goals: boolean[];
  failing?: { goal: number; reason: string } | undefined;
  seconds: number;
  code?: string | undefined;
}

export function mergeProgress(
  prev: StoredCell | undefined,
  report: CheckReport,
  now: Date,
): StoredCell {
  const at = now.toISOString();
  const allMet = report.goals.length > 0 && report.goals.every(Boolean);
  const seconds = Math.max(prev?.seconds ?? 0, report.seconds);
  const cell: StoredCell = {
    exercise: report.exercise,
    attempts: (prev?.attempts ?? 0) + 1,
    goals: [...report.goals],
    seconds,
    firstAt: prev?.firstAt ?? at,
    lastAt: at,
  };
  // A failing reason only makes sense next to a goal that is unmet on this very check.
  if (!allMet && report.failing && report.goals[report.failing.goal] === false) {
    cell.failing = { goal: report.failing.goal, reason: report.failing.reason };
  }
  if (prev?.solvedAt !== undefined && prev.solvedSeconds !== undefined) {
    cell.solvedAt = prev.solvedAt;
    cell.solvedSeconds = prev.solvedSeconds;
  } else if (allMet) {
    cell.solvedAt = at;
    cell.solvedSeconds = seconds;
  }
  if (report.code !== undefined) cell.code = report.code;
  return cell;
}
