/**
 * Classes in Postgres (`GML_DATABASE_URL`), so every API node sees the same rooms: the tables
 * of `store/pg-database.ts`, the rows and rules of the SQLite store (`class-rows.ts` maps both).
 * A change that must be atomic (a learner joining a nearly full class, a cell and the class's
 * revision) runs in one transaction that first locks the class row, so two nodes admitting
 * the 300th learner at once cannot both succeed.
 */
import type pg from 'pg';
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
import type { ClassStore } from './class-store.ts';

export function pgClassStore(pool: pg.Pool): ClassStore {
  /** Runs `fn` in a transaction holding the class row's lock; undefined if no such class. */
  const locked = async <T>(
    classId: string,
    fn: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T | undefined> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const found = await client.query('SELECT 1 FROM classes WHERE id = $1 FOR UPDATE', [classId]);
      const out = found.rowCount === 1 ? await fn(client) : undefined;
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  const bump = (client: pg.PoolClient, classId: string) =>
    client.query('UPDATE classes SET revision = revision + 1 WHERE id = $1', [classId]);
  const removeClass = async (id: string): Promise<boolean> =>
    (await locked(id, async (client) => {
      await client.query('DELETE FROM class_cells WHERE class_id = $1', [id]);
      await client.query('DELETE FROM class_learners WHERE class_id = $1', [id]);
      await client.query('DELETE FROM classes WHERE id = $1', [id]);
      return true;
    })) ?? false;

  return {
    async createClass(c) {
      await pool.query(
        `INSERT INTO classes (id, name, exercises, minutes, key_hash, created_at, expires_at, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        classValues(c),
      );
    },
    async getClass(id, now) {
      const { rows } = await pool.query<ClassRow>(
        'SELECT * FROM classes WHERE id = $1 AND expires_at > $2',
        [id, now.toISOString()],
      );
      return rows[0] ? toStoredClass(rows[0]) : undefined;
    },
    deleteClass: removeClass,
    async learnerByToken(classId, tokenHash) {
      const { rows } = await pool.query<LearnerRow>(
        'SELECT id, token_hash, name, joined_at FROM class_learners WHERE class_id = $1 AND token_hash = $2',
        [classId, tokenHash],
      );
      return rows[0] ? toStoredLearner(rows[0]) : undefined;
    },
    async addLearner(classId, learner, maxLearners) {
      // An unknown class admits nobody; the routes have checked it exists just before.
      const out = await locked(classId, async (client) => {
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM class_learners WHERE class_id = $1',
          [classId],
        );
        if (Number(rows[0]?.n ?? 0) >= maxLearners) return 'full' as const;
        await client.query(
          'INSERT INTO class_learners (class_id, id, token_hash, name, joined_at) VALUES ($1, $2, $3, $4, $5)',
          [classId, learner.id, learner.tokenHash, learner.name, learner.joinedAt],
        );
        await bump(client, classId);
        return 'added' as const;
      });
      return out ?? 'full';
    },
    async renameLearner(classId, learnerId, name) {
      await locked(classId, async (client) => {
        await client.query('UPDATE class_learners SET name = $1 WHERE class_id = $2 AND id = $3', [
          name,
          classId,
          learnerId,
        ]);
        await bump(client, classId);
      });
    },
    async getCell(classId, learnerId, exercise) {
      const { rows } = await pool.query<{ cell: string }>(
        'SELECT cell FROM class_cells WHERE class_id = $1 AND learner_id = $2 AND exercise = $3',
        [classId, learnerId, exercise],
      );
      return rows[0] ? parseCell(rows[0].cell) : undefined;
    },
    async putCell(classId, learnerId, cell) {
      await locked(classId, async (client) => {
        await client.query(
          `INSERT INTO class_cells (class_id, learner_id, exercise, cell) VALUES ($1, $2, $3, $4)
           ON CONFLICT (class_id, learner_id, exercise) DO UPDATE SET cell = excluded.cell`,
          [classId, learnerId, cell.exercise, cellJson(cell)],
        );
        await bump(client, classId);
      });
    },
    async snapshot(classId) {
      // One read-only snapshot, so learners and cells agree; byte order ("C") as in SQLite.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const learners = await client.query<LearnerRow>(
          'SELECT id, token_hash, name, joined_at FROM class_learners WHERE class_id = $1 ORDER BY joined_at COLLATE "C", id COLLATE "C"',
          [classId],
        );
        const cells = await client.query<{ learner_id: string; cell: string }>(
          'SELECT learner_id, cell FROM class_cells WHERE class_id = $1',
          [classId],
        );
        const rev = await client.query<{ revision: string }>(
          'SELECT revision FROM classes WHERE id = $1',
          [classId],
        );
        await client.query('COMMIT');
        return {
          revision: Number(rev.rows[0]?.revision ?? 0),
          learners: learners.rows.map(toStoredLearner),
          cells: cellsByLearner(cells.rows),
        };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async sweepExpired(now) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM classes WHERE expires_at <= $1',
        [now.toISOString()],
      );
      for (const { id } of rows) await removeClass(id);
      return rows.length;
    },
    // The pool belongs to the database handle (store/pg-database.ts), which the wiring closes.
    close: () => undefined,
  };
}
