/**
 * How a class's rows map to the store's records, shared by the SQLite and Postgres stores so
 * the two read the same columns the same way (one copy). Both keep times as ISO strings, the
 * exercise list and each cell as JSON text; only the drivers differ (Postgres returns
 * `bigint`/`count` as strings, SQLite as numbers or bigints), hence `Number()` throughout.
 */
import type { StoredCell, StoredClass, StoredLearner } from './class-store.ts';

export interface ClassRow {
  id: string;
  name: string;
  exercises: string;
  minutes: number | string | null;
  key_hash: string;
  created_at: string;
  expires_at: string;
  revision: number | string | bigint;
}

export interface LearnerRow {
  id: string;
  token_hash: string;
  name: string;
  joined_at: string;
}

/** A class's column values in table order (id, name, exercises, minutes, key_hash, created_at, expires_at, revision). */
export function classValues(c: StoredClass): (string | number | null)[] {
  return [
    c.id,
    c.name,
    JSON.stringify(c.exercises),
    c.minutes ?? null,
    c.keyHash,
    c.createdAt,
    c.expiresAt,
    c.revision,
  ];
}

export function toStoredClass(r: ClassRow): StoredClass {
  return {
    id: r.id,
    name: r.name,
    exercises: JSON.parse(r.exercises) as string[],
    ...(r.minutes !== null ? { minutes: Number(r.minutes) } : {}),
    keyHash: r.key_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revision: Number(r.revision),
  };
}

export function toStoredLearner(r: LearnerRow): StoredLearner {
  return { id: r.id, tokenHash: r.token_hash, name: r.name, joinedAt: r.joined_at };
}

export const cellJson = (cell: StoredCell): string => JSON.stringify(cell);
export const parseCell = (text: string): StoredCell => JSON.parse(text) as StoredCell;

/** Groups `(learner_id, cell)` rows into the snapshot's map. */
export function cellsByLearner(
  rows: readonly { learner_id: string; cell: string }[],
): Map<string, StoredCell[]> {
  const cells = new Map<string, StoredCell[]>();
  for (const r of rows) {
    const list = cells.get(r.learner_id) ?? [];
    list.push(parseCell(r.cell));
    cells.set(r.learner_id, list);
  }
  return cells;
}
