/**
 * content/sources.json: statements the chapters make that rest on the Go source rather than on a
 * run. Each cites a file under $GOROOT/src and a function; this checks the function still exists
 * in the toolchain the tests run, and that its doc comment or body still contains the quoted text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readMdx } from './support/mdx.ts';
import { functionSource, goroot, normalizeGo } from './support/go-source.ts';

const SourcesSchema = z
  .object({
    toolchain: z.string().regex(/^go\d+\.\d+(\.\d+)?$/),
    statements: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          says: z.string().min(10),
          /**
           * Where the site states it: `chapters/chapter-2#anchor`, `pages/glossary#anchor`, or an
           * exercise's texts, `exercises/09-no-forced-gc`.
           */
          page: z.string().regex(/^(chapters|pages|exercises)\/[a-z0-9-]+(#[a-z0-9-]+)?$/),
          file: z.string().regex(/^[a-z0-9_/.-]+\.go$/),
          function: z.string().regex(/^(\(\*?\w+\)\.)?\w+$/),
          quote: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

const sources = SourcesSchema.parse(JSON.parse(readFileSync('content/sources.json', 'utf8')));
const root = goroot();
const pages = new Set([
  ...readMdx().map((f) => f.path.replace(/^content\/|\.mdx$/g, '')),
  ...readdirSync('content/exercises', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `exercises/${d.name}`),
]);

describe('content/sources.json', () => {
  test('ids are unique', () => {
    const ids = sources.statements.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  for (const s of sources.statements) {
    test(`${s.id}: ${s.file} ${s.function}`, () => {
      expect(
        pages.has(s.page.replace(/#.*$/, '')),
        `${s.id} cites a page that does not exist: ${s.page}`,
      ).toBe(true);
      const body = functionSource(root, s.file, s.function);
      expect(body, `${s.function} is not in $GOROOT/src/${s.file} (${root})`).toBeDefined();
      if (s.quote !== undefined) {
        expect(
          normalizeGo(body ?? ''),
          `${s.function} in ${s.file} no longer says: ${s.quote}`,
        ).toContain(normalizeGo(s.quote));
      }
    });
  }
});
