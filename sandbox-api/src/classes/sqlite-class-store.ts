/**
 * Classes in SQLite, in the same file as share links (`GML_SHARE_DB`) through its own
 * connection; WAL (set by the share store too) lets both write. Cells are JSON documents: the
 * dashboard always reads a learner's cells together and never queries inside them.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  cellJson,
  cellsByLearner,
  classValues,
  parseCell,
  toStoredClass,
  toStoredLearner,
  type ClassRow,
  type LearnerRow,
} from './class-rows.ts';
import type { ClassStore, StoredClass } from './class-store.ts';

/** Opens (creating if needed) the class tables in `dbPath`; `:memory:` works for tests. */
export function openSqliteClassStore(dbPath: string): ClassStore {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new DatabaseSync(dbPath);
  if (dbPath !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  // A second connection may be mid-write (the share routes); wait rather than fail.
  db.exec('PRAGMA busy_timeout = 2000');
  db.exec(`CREATE TABLE IF NOT EXISTS classes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    exercises TEXT NOT NULL,
    minutes INTEGER,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
  ) STRICT`);
  db.exec(`CREATE TABLE IF NOT EXISTS class_learners (
    class_id TEXT NOT NULL,
    id TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (class_id, id),
    UNIQUE (class_id, token_hash)
  ) STRICT`);
  db.exec(`CREATE TABLE IF NOT EXISTS class_cells (
    class_id TEXT NOT NULL,
    learner_id TEXT NOT NULL,
    exercise TEXT NOT NULL,
    cell TEXT NOT NULL,
    PRIMARY KEY (class_id, learner_id, exercise)
  ) STRICT`);
  db.exec('CREATE INDEX IF NOT EXISTS classes_expiry ON classes (expires_at)');

  const insertClass = db.prepare(
    `INSERT INTO classes (id, name, exercises, minutes, key_hash, created_at, expires_at, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectClass = db.prepare('SELECT * FROM classes WHERE id = ? AND expires_at > ?');
  const bump = db.prepare('UPDATE classes SET revision = revision + 1 WHERE id = ?');
  const deleteClassRow = db.prepare('DELETE FROM classes WHERE id = ?');
  const deleteLearners = db.prepare('DELETE FROM class_learners WHERE class_id = ?');
  const deleteCells = db.prepare('DELETE FROM class_cells WHERE class_id = ?');
  const selectExpired = db.prepare('SELECT id FROM classes WHERE expires_at <= ?');
  const selectLearnerByToken = db.prepare(
    'SELECT id, token_hash, name, joined_at FROM class_learners WHERE class_id = ? AND token_hash = ?',
  );
  const countLearners = db.prepare('SELECT count(*) AS n FROM class_learners WHERE class_id = ?');
  const insertLearner = db.prepare(
    'INSERT INTO class_learners (class_id, id, token_hash, name, joined_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateName = db.prepare('UPDATE class_learners SET name = ? WHERE class_id = ? AND id = ?');
  const selectLearners = db.prepare(
    'SELECT id, token_hash, name, joined_at FROM class_learners WHERE class_id = ? ORDER BY joined_at, id',
  );
  const selectCell = db.prepare(
    'SELECT cell FROM class_cells WHERE class_id = ? AND learner_id = ? AND exercise = ?',
  );
  const upsertCell = db.prepare(
    `INSERT INTO class_cells (class_id, learner_id, exercise, cell) VALUES (?, ?, ?, ?)
     ON CONFLICT (class_id, learner_id, exercise) DO UPDATE SET cell = excluded.cell`,
  );
  const selectCells = db.prepare('SELECT learner_id, cell FROM class_cells WHERE class_id = ?');
  const selectRevision = db.prepare('SELECT revision FROM classes WHERE id = ?');

  const tx = <T>(fn: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  };
  const toLearner = (r: unknown) => toStoredLearner(r as LearnerRow);
  const removeClass = (id: string): boolean =>
    tx(() => {
      deleteCells.run(id);
      deleteLearners.run(id);
      return deleteClassRow.run(id).changes > 0;
    });

  return {
    createClass(c: StoredClass) {
      insertClass.run(...classValues(c));
    },
    getClass(id, now) {
      const r = selectClass.get(id, now.toISOString()) as ClassRow | undefined;
      return r ? toStoredClass(r) : undefined;
    },
    deleteClass: removeClass,
    learnerByToken(classId, tokenHash) {
      const r = selectLearnerByToken.get(classId, tokenHash);
      return r ? toLearner(r) : undefined;
    },
    addLearner(classId, learner, maxLearners) {
      return tx(() => {
        const n = Number((countLearners.get(classId) as { n: number | bigint }).n);
        if (n >= maxLearners) return 'full' as const;
        insertLearner.run(classId, learner.id, learner.tokenHash, learner.name, learner.joinedAt);
        bump.run(classId);
        return 'added' as const;
      });
    },
    renameLearner(classId, learnerId, name) {
      tx(() => {
        updateName.run(name, classId, learnerId);
        bump.run(classId);
      });
    },
    getCell(classId, learnerId, exercise) {
      const r = selectCell.get(classId, learnerId, exercise) as { cell: string } | undefined;
      return r ? parseCell(r.cell) : undefined;
    },
    putCell(classId, learnerId, cell) {
      tx(() => {
        upsertCell.run(classId, learnerId, cell.exercise, cellJson(cell));
        bump.run(classId);
      });
    },
    snapshot(classId) {
      const learners = selectLearners.all(classId).map(toLearner);
      const rows = selectCells.all(classId) as { learner_id: string; cell: string }[];
      // One synchronous call: no write can land between these reads.
      const rev = selectRevision.get(classId) as { revision: number | bigint } | undefined;
      return { revision: Number(rev?.revision ?? 0), learners, cells: cellsByLearner(rows) };
    },
    sweepExpired(now) {
      const ids = (selectExpired.all(now.toISOString()) as { id: string }[]).map((r) => r.id);
      for (const id of ids) removeClass(id);
      return ids.length;
    },
    close() {
      db.close();
    },
  };
}
