import pg from 'pg';

/**
 * The durable tables in Postgres (`GML_DATABASE_URL`), the same schema as the SQLite files of
 * the embedded mode. Each store adds its `CREATE … IF NOT EXISTS` here under its own name, so
 * every API node can run them at start in any order and get the same database.
 */
const SCHEMA: { name: string; sql: string }[] = [
  {
    name: 'shares',
    sql: `CREATE TABLE IF NOT EXISTS shares (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      result TEXT,
      result_b TEXT,
      created_at TEXT NOT NULL
    )`,
  },
  // Classes (classes/pg-class-store.ts): the columns of classes/sqlite-class-store.ts.
  {
    name: 'classes',
    sql: `CREATE TABLE IF NOT EXISTS classes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      exercises TEXT NOT NULL,
      minutes INTEGER,
      key_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revision BIGINT NOT NULL DEFAULT 0
    )`,
  },
  {
    name: 'classes_expiry',
    sql: 'CREATE INDEX IF NOT EXISTS classes_expiry ON classes (expires_at)',
  },
  {
    name: 'class_learners',
    sql: `CREATE TABLE IF NOT EXISTS class_learners (
      class_id TEXT NOT NULL,
      id TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      name TEXT NOT NULL,
      joined_at TEXT NOT NULL,
      PRIMARY KEY (class_id, id),
      UNIQUE (class_id, token_hash)
    )`,
  },
  {
    name: 'class_cells',
    sql: `CREATE TABLE IF NOT EXISTS class_cells (
      class_id TEXT NOT NULL,
      learner_id TEXT NOT NULL,
      exercise TEXT NOT NULL,
      cell TEXT NOT NULL,
      PRIMARY KEY (class_id, learner_id, exercise)
    )`,
  },
];

export interface PgDatabase {
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** Connects, creates the tables (serialised across nodes by an advisory lock), and returns. */
export async function openPgDatabase(url: string): Promise<PgDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    // Two nodes starting together would race on CREATE TABLE's catalogue insert otherwise.
    await client.query('SELECT pg_advisory_lock(7260011)');
    for (const { sql } of SCHEMA) await client.query(sql);
    await client.query('SELECT pg_advisory_unlock(7260011)');
  } finally {
    client.release();
  }
  return { pool, close: () => pool.end() };
}
