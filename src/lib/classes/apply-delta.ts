/**
 * Folds one `delta` event of the class stream into the dashboard the page holds: changed rows
 * are replaced whole (a new learner is added in join order, as the server lists them), removed
 * ids are dropped, and the server's clock and revision move on. Pure, so the page and its tests
 * agree on what a delta means.
 */
import type { ClassDashboard, ClassDelta } from '@go-memory-lab/sandbox-api/protocol';

export function applyDelta(d: ClassDashboard, delta: ClassDelta): ClassDashboard {
  const changed = new Map(delta.learners.map((l) => [l.id, l]));
  const removed = new Set(delta.removed);
  const learners = d.learners
    .filter((l) => !removed.has(l.id))
    .map((l) => {
      const next = changed.get(l.id);
      changed.delete(l.id);
      return next ?? l;
    });
  learners.push(...changed.values());
  return { ...d, learners, now: delta.now, revision: delta.revision };
}
