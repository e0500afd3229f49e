/**
 * content/sources.json: statements the chapters make that rest on the Go source rather than on a
 * run. Most cite a file under $GOROOT/src and a function; this checks the function still exists
 * in the toolchain the tests run, and that its doc comment or body still contains the quoted text.
 * Release facts ("since Go 1.20") cite the toolchain's own record of what each release added
 * ($GOROOT/api/go1.N.txt) or changed ($GOROOT/doc/godebug.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readMdx } from './support/mdx.ts';
import { functionSource, goroot, normalizeGo } from './support/go-source.ts';

/**
 * Where the site states it: `chapters/chapter-2#anchor`, `pages/glossary#anchor`, or an
 * exercise's texts, `exercises/09-no-forced-gc`.
 */
const common = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  says: z.string().min(10),
  page: z.string().regex(/^(chapters|pages|exercises)\/[a-z0-9-]+(#[a-z0-9-]+)?$/),
};

const StatementSchema = z.union([
  /** Rests on a function in $GOROOT/src: it exists, and its doc comment or body says `quote`. */
  z
    .object({
      ...common,
      file: z.string().regex(/^[a-z0-9_/.-]+\.go$/),
      function: z.string().regex(/^(\(\*?\w+\)\.)?\w+$/),
      quote: z.string().optional(),
    })
    .strict(),
  /**
   * "X arrived in Go 1.N": $GOROOT/api/go1.N.txt lists exactly the API that release added, so
   * a line of it starting with `line` dates X.
   */
  z
    .object({
      ...common,
      api: z.string().regex(/^go1\.\d+$/),
      line: z.string().regex(/^pkg [a-z/]+, /),
    })
    .strict(),
  /** A behaviour change a release made: the `### Go 1.N` section of $GOROOT/doc/godebug.md says `quote`. */
  z
    .object({
      ...common,
      godebug: z.string().regex(/^Go 1\.\d+$/),
      quote: z.string().min(10),
    })
    .strict(),
]);

const SourcesSchema = z
  .object({
    toolchain: z.string().regex(/^go\d+\.\d+(\.\d+)?$/),
    statements: z.array(StatementSchema),
  })
  .strict();

/** The text of `### <heading>` in a markdown file, up to the next `###` heading. */
function section(markdown: string, heading: string): string | undefined {
  const parts = markdown.split(/^### /m);
  const found = parts.find((p) => p.split('\n', 1)[0]!.trim() === heading);
  return found?.slice(found.indexOf('\n') + 1);
}

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
    const cites =
      'function' in s
        ? `${s.file} ${s.function}`
        : 'api' in s
          ? `api/${s.api}.txt`
          : `godebug.md ${s.godebug}`;
    test(`${s.id}: ${cites}`, () => {
      expect(
        pages.has(s.page.replace(/#.*$/, '')),
        `${s.id} cites a page that does not exist: ${s.page}`,
      ).toBe(true);
      if ('api' in s) {
        const lines = readFileSync(join(root, 'api', `${s.api}.txt`), 'utf8').split('\n');
        expect(
          lines.some((l) => l.startsWith(s.line)),
          `$GOROOT/api/${s.api}.txt has no line starting: ${s.line}`,
        ).toBe(true);
        return;
      }
      if ('godebug' in s) {
        const text = section(readFileSync(join(root, 'doc', 'godebug.md'), 'utf8'), s.godebug);
        expect(text, `$GOROOT/doc/godebug.md has no section ### ${s.godebug}`).toBeDefined();
        expect(
          (text ?? '').replace(/\s+/g, ' '),
          `godebug.md ### ${s.godebug} no longer says: ${s.quote}`,
        ).toContain(s.quote);
        return;
      }
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
