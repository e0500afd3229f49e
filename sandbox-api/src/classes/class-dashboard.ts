/**
 * The instructor's view of a class, built from the store's records: one shape for the
 * dashboard route (JSON with an ETag) and the live stream (`class-feed.ts`), so the two never
 * disagree about what a row holds. Shared code never leaves here: a cell says only `hasCode`.
 */
import type { ClassCell, ClassDashboard, ClassInfo } from '../protocol.ts';
import type { ClassSnapshot, StoredCell, StoredClass } from './class-store.ts';

export function classInfo(cls: StoredClass): ClassInfo {
  return {
    id: cls.id,
    name: cls.name,
    exercises: cls.exercises,
    ...(cls.minutes !== undefined ? { minutes: cls.minutes } : {}),
    createdAt: cls.createdAt,
    expiresAt: cls.expiresAt,
  };
}

export function publicCell(cell: StoredCell): ClassCell {
  const { code, ...rest } = cell;
  return { ...rest, hasCode: code !== undefined };
}

export function classDashboard(cls: StoredClass, snap: ClassSnapshot, now: Date): ClassDashboard {
  return {
    class: classInfo(cls),
    learners: snap.learners.map((l) => ({
      id: l.id,
      name: l.name,
      joinedAt: l.joinedAt,
      cells: (snap.cells.get(l.id) ?? []).map(publicCell),
    })),
    now: now.toISOString(),
    // The snapshot's own revision: the class record may have been read a write earlier.
    revision: snap.revision,
  };
}
