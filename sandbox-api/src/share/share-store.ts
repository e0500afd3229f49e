/**
 * Share links kept in one SQLite file through Node's built-in `node:sqlite` (no native module
 * to build). Rows are immutable except that a link first stored without a result may gain one.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ApiFailure } from '../errors.ts';
import { SELECT_SHARE, storedShare } from './share-row.ts';

export type StoredShare = {
  id: string;
  stateJson: string;
  resultJson: string | null;
  /** Compare mode: variant B's recorded result. */
  resultBJson: string | null;
  createdAt: string;
};

export type ShareStore = {
  /** Stores the state under its id; returns true when the row is new. */
  put(
    id: string,
    stateJson: string,
    resultJson: string | null,
    resultBJson?: string | null,
  ): boolean;
  get(id: string): StoredShare | undefined;
  count(): number;
  close(): void;
};

/** SQLite's "database or disk is full" (the size cap, or the disk itself). */
const SQLITE_FULL = 13;

function storeFull(): ApiFailure {
  return new ApiFailure(
    507,
    {
      code: 'store_full',
      message: 'the share store is full; the link was not created (your code is unchanged)',
    },
    3600,
  );
}

/**
 * Opens (creating if needed) the store at `dbPath`; `:memory:` works for tests. `maxBytes` caps
 * the database file through SQLite's own page limit, so a write that would pass it fails as a
 * whole (507 `store_full`) instead of leaving half a row or filling the disk.
 */
export function openShareStore(dbPath: string, opts: { maxBytes?: number } = {}): ShareStore {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new DatabaseSync(dbPath);
  // WAL lets a reader run while another process (a second server, a test) writes.
  if (dbPath !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  if (opts.maxBytes !== undefined) {
    const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
    db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(opts.maxBytes / pageSize))}`);
  }
  db.exec(`CREATE TABLE IF NOT EXISTS shares (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    result TEXT,
    created_at TEXT NOT NULL
  ) STRICT`);
  // Stores made before compare links recorded B's result lack the column.
  const columns = db.prepare('PRAGMA table_info(shares)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'result_b')) {
    db.exec('ALTER TABLE shares ADD COLUMN result_b TEXT');
  }
  const insert = db.prepare(
    'INSERT OR IGNORE INTO shares (id, state, result, result_b, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const addResult = db.prepare('UPDATE shares SET result = ? WHERE id = ? AND result IS NULL');
  const addResultB = db.prepare('UPDATE shares SET result_b = ? WHERE id = ? AND result_b IS NULL');
  const select = db.prepare(`${SELECT_SHARE} ?`);
  const countRows = db.prepare('SELECT count(*) AS n FROM shares');

  return {
    put(id, stateJson, resultJson, resultBJson = null) {
      const now = new Date().toISOString();
      // One transaction: the row and its results are stored together or not at all.
      db.exec('BEGIN IMMEDIATE');
      try {
        const inserted = insert.run(id, stateJson, resultJson, resultBJson, now).changes > 0;
        if (!inserted && resultJson !== null) addResult.run(resultJson, id);
        if (!inserted && resultBJson !== null) addResultB.run(resultBJson, id);
        db.exec('COMMIT');
        return inserted;
      } catch (e) {
        if (db.isTransaction) db.exec('ROLLBACK');
        if ((e as { errcode?: number }).errcode === SQLITE_FULL) throw storeFull();
        throw e;
      }
    },
    get(id) {
      return storedShare(select.get(id));
    },
    count() {
      return Number((countRows.get() as { n: number | bigint }).n);
    },
    close() {
      db.close();
    },
  };
}
