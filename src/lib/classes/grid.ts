/**
 * What the dashboard grid shows, as pure functions of the API's snapshot: each cell's state,
 * how long each learner has been stuck, the sort orders and the room totals for the projector.
 */
import type { ClassCell, ClassDashboard, ClassLearner } from '@go-memory-lab/sandbox-api/protocol';

export type CellState = 'not-started' | 'trying' | 'solved';

export function cellState(cell: ClassCell | undefined): CellState {
  if (!cell) return 'not-started';
  return cell.solvedAt !== undefined ? 'solved' : 'trying';
}

export function cellOf(learner: ClassLearner, exercise: string): ClassCell | undefined {
  return learner.cells.find((c) => c.exercise === exercise);
}

/**
 * Seconds since the learner last made progress (their latest solve, or joining), while they
 * still have an exercise of the class left to solve; zero once they solved them all. A learner
 * who joined long ago and solved nothing is the most stuck of all, checked or not.
 */
export function stuckSeconds(
  learner: ClassLearner,
  now: string,
  exercises: readonly string[],
): number {
  const solved = exercises.filter((s) => cellState(cellOf(learner, s)) === 'solved');
  if (solved.length === exercises.length) return 0;
  const solves = learner.cells.flatMap((c) => (c.solvedAt ? [Date.parse(c.solvedAt)] : []));
  const since = Math.max(Date.parse(learner.joinedAt), ...solves);
  return Math.max(0, Math.round((Date.parse(now) - since) / 1000));
}

export type SortOrder = 'joined' | 'stuck' | 'name';

export function sortLearners(d: ClassDashboard, order: SortOrder, locale: string): ClassLearner[] {
  const list = [...d.learners];
  if (order === 'stuck') {
    const stuck = new Map(list.map((l) => [l.id, stuckSeconds(l, d.now, d.class.exercises)]));
    list.sort((a, b) => stuck.get(b.id)! - stuck.get(a.id)!);
  } else if (order === 'name') {
    list.sort((a, b) => a.name.localeCompare(b.name, locale));
  }
  return list;
}

export interface ExerciseTotals {
  exercise: string;
  solved: number;
  trying: number;
  notStarted: number;
}

/** Per exercise of the class: how many learners solved it, are on it, have not started. */
export function roomTotals(d: ClassDashboard): ExerciseTotals[] {
  return d.class.exercises.map((exercise) => {
    const states = d.learners.map((l) => cellState(cellOf(l, exercise)));
    return {
      exercise,
      solved: states.filter((s) => s === 'solved').length,
      trying: states.filter((s) => s === 'trying').length,
      notStarted: states.filter((s) => s === 'not-started').length,
    };
  });
}

/** `m:ss` (or `h:mm:ss`) for a duration in seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
