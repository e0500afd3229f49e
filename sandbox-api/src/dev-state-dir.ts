import os from 'node:os';
import path from 'node:path';

/**
 * The state dir the tests and the development scripts (record, bench, load, dev, e2e) share, so
 * the standard library is compiled once per machine: GML_STATE_DIR, else
 * `$TMPDIR/go-memory-lab`. The service's own default is not in tmp (config.ts
 * `defaultStateDir`); this one is checked at start like any other (state-dir.ts), so a copy
 * planted there by another user is refused, not used.
 */
export function devStateDir(): string {
  return process.env['GML_STATE_DIR'] ?? path.join(os.tmpdir(), 'go-memory-lab');
}
