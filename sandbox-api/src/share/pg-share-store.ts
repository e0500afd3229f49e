import type pg from 'pg';
import { SELECT_SHARE, storedShare } from './share-row.ts';
import type { StoredShare } from './share-store.ts';

/** The share store's operations, as a Postgres-backed store offers them (all async). */
export type AsyncShareStore = {
  put(
    id: string,
    stateJson: string,
    resultJson: string | null,
    resultBJson?: string | null,
  ): Promise<boolean>;
  get(id: string): Promise<StoredShare | undefined>;
  count(): Promise<number>;
};

/**
 * Share links in Postgres: the same rows, ids and rules as `share-store.ts` (immutable, except
 * that a link stored without a result may gain one), so links work from every API node.
 */
export function pgShareStore(pool: pg.Pool): AsyncShareStore {
  return {
    async put(id, stateJson, resultJson, resultBJson = null) {
      const inserted = await pool.query(
        `INSERT INTO shares (id, state, result, result_b, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [id, stateJson, resultJson, resultBJson, new Date().toISOString()],
      );
      if (inserted.rowCount === 1) return true;
      if (resultJson !== null) {
        await pool.query('UPDATE shares SET result = $1 WHERE id = $2 AND result IS NULL', [
          resultJson,
          id,
        ]);
      }
      if (resultBJson !== null) {
        await pool.query('UPDATE shares SET result_b = $1 WHERE id = $2 AND result_b IS NULL', [
          resultBJson,
          id,
        ]);
      }
      return false;
    },
    async get(id) {
      const { rows } = await pool.query(`${SELECT_SHARE} $1`, [id]);
      return storedShare(rows[0]);
    },
    async count() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM shares');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
