/**
 * One row of the `shares` table as both stores read it (SQLite in share-store.ts, Postgres in
 * pg-share-store.ts): checked at the database boundary, then given the store's field names.
 */
import { z } from 'zod';
import type { StoredShare } from './share-store.ts';

export const SELECT_SHARE = 'SELECT id, state, result, result_b, created_at FROM shares WHERE id =';

const ShareRowSchema = z.object({
  id: z.string(),
  state: z.string(),
  result: z.string().nullable(),
  result_b: z.string().nullable(),
  created_at: z.string(),
});

/** The stored share a row holds, or undefined when there is no row. */
export function storedShare(row: unknown): StoredShare | undefined {
  if (row === undefined) return undefined;
  const r = ShareRowSchema.parse(row);
  return {
    id: r.id,
    stateJson: r.state,
    resultJson: r.result,
    resultBJson: r.result_b,
    createdAt: r.created_at,
  };
}
