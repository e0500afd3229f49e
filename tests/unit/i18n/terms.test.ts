/**
 * The Chinese content speaks with one vocabulary: a variant listed under `avoid` in the
 * terminology table (src/i18n/terms.ts) fails here, naming the file and the preferred term.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { terms } from '../../../src/i18n/terms.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function chineseFiles(): string[] {
  const dirs = ['content/chapters/zh', 'content/pages/zh'].map((d) => join(ROOT, d));
  const exercises = join(ROOT, 'content', 'exercises');
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith('.mdx'))
      .map((n) => join(d, n)),
  );
  for (const slug of readdirSync(exercises, { withFileTypes: true })) {
    if (!slug.isDirectory()) continue;
    for (const n of ['instructions.zh.md', 'exercise.zh.json']) {
      const p = join(exercises, slug.name, n);
      try {
        readFileSync(p);
        files.push(p);
      } catch {
        // Missing Chinese exercise text is the parity test's business, not this one's.
      }
    }
  }
  return files;
}

describe('terminology', () => {
  test('the table has one row per Chinese term and per English term', () => {
    expect(new Set(terms.map((t) => t.zh)).size).toBe(terms.length);
    expect(new Set(terms.map((t) => t.en)).size).toBe(terms.length);
  });

  test.each(chineseFiles().map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s uses the preferred terms',
    (_name, file) => {
      // The article's own sentences are quoted verbatim, whatever words they use.
      const text = readFileSync(file, 'utf8').replace(/\bquote=(?:"[^"]*"|'[^']*')/g, '');
      for (const term of terms) {
        for (const variant of term.avoid ?? []) {
          expect(text.includes(variant), `"${variant}" → write "${term.zh}"`).toBe(false);
        }
      }
    },
  );
});
