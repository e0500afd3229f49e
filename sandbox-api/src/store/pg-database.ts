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
