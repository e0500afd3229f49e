/**
 * Content wiring that needs no toolchain: every snippet is shown somewhere, every `<Snippet>`
 * exists, and every chapter section proves its point with at least one snippet.
 */
import { describe, expect, test } from 'vitest';
import { readMdx, referencingFiles, sections, snippetRefs } from './support/mdx.ts';
import { snippetIds } from './support/snippets.ts';

const mdx = readMdx();
const ids = new Set(snippetIds());
const refs = referencingFiles(mdx);

describe('snippet references', () => {
  test('every snippet is referenced by some MDX page', () => {
    const orphans = [...ids].filter((id) => !refs.has(id));
    expect(orphans, `snippets no page shows: ${orphans.join(', ')}`).toEqual([]);
  });

  for (const f of mdx) {
    test(`every <Snippet id> in ${f.path} exists`, () => {
      const missing = snippetRefs(f.text).filter((id) => !ids.has(id));
      expect(missing, `${f.path} shows snippets that do not exist: ${missing.join(', ')}`).toEqual(
        [],
      );
    });
  }
});

describe('chapter sections', () => {
  for (const f of mdx.filter((m) => m.path.includes('chapters/'))) {
    test(`every ## section of ${f.path} contains a snippet`, () => {
      const bare = sections(f.text)
        .filter((s) => snippetRefs(s.body).length === 0)
        .map((s) => s.heading);
      expect(bare, `${f.path}: sections without a <Snippet>: ${bare.join('; ')}`).toEqual([]);
    });
  }
});
