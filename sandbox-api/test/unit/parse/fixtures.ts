/**
 * Access to the captured toolchain output in sandbox-api/test/fixtures (see
 * scripts/capture-fixtures.ts) and to golden files beside it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

export const fixturesDir = join(import.meta.dirname, '../../fixtures');

/** Case directories captured by the script (every dir with Go source except `reference`). */
export function captureCases(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'reference')
    .map((d) => d.name)
    .filter((n) => readdirSync(join(fixturesDir, n)).some((f) => f.endsWith('.go')))
    .sort();
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(fixturesDir, ...parts), 'utf8');
}

export function hasFixture(...parts: string[]): boolean {
  return existsSync(join(fixturesDir, ...parts));
}

/** The case's Go files, keyed by name as the compiler prints them. */
export function sourcesOf(caseName: string): Map<string, string> {
  const dir = join(fixturesDir, caseName);
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.go'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const),
  );
}

/** The -json=0 files of a case, named as under the log directory (`main/main.json`). */
export function jsonLogOf(caseName: string): Array<{ name: string; content: string }> {
  const dir = join(fixturesDir, caseName, 'json');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((p) => ({ name: relative(dir, p), content: readFileSync(p, 'utf8') }));
}

export function exitCodes(caseName: string): Record<string, number | null> {
  return JSON.parse(readFixture(caseName, 'exit.json')) as Record<string, number | null>;
}

/**
 * Compares `actual` with the committed golden file. A test run never writes one: a missing
 * golden fails. `npm run goldens` (UPDATE_GOLDEN=1) rewrites them on purpose, and the diff is
 * reviewed by eye — a golden that encodes a wrong parse is worse than none.
 */
export function expectGolden(actual: unknown, ...parts: string[]): void {
  const path = join(fixturesDir, ...parts);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden ${path}; write it with npm run goldens`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
