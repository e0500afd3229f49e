/**
 * Links inside the Chinese content stay in the Chinese edition and land on something that exists:
 * a `/zh/…` page of the content collections, and an anchor that page really has (a section, a
 * sub-section marker, a glossary entry, a snippet or a fact check).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mdxNames, readEditionPage } from './support/edition.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILES = [
  ...mdxNames(join(ROOT, 'content/chapters/zh')).map((n) => `content/chapters/zh/${n}`),
  ...mdxNames(join(ROOT, 'content/pages/zh')).map((n) => `content/pages/zh/${n}`),
];

/** The content file behind a /zh/ page path, or undefined when it is not a content page. */
function fileOf(path: string): string | undefined {
  const chapter = /^\/zh\/learn\/(chapter-\d+)\/?$/.exec(path);
  if (chapter) return `content/chapters/zh/${chapter[1]}.mdx`;
  const page = /^\/zh\/([a-z-]+)\/?$/.exec(path);
  return page ? `content/pages/zh/${page[1]}.mdx` : undefined;
}

/** Every id a reader can land on in a content file. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const p = readEditionPage(join(ROOT, file));
  const markers = [...text.matchAll(/\[#([a-z0-9-]+)\]\s*$/gm)].map((m) => m[1]!);
  return new Set([
    ...p.sections,
    ...p.entries,
    ...p.snippets,
    ...p.factChecks.map((f) => f.id),
    ...markers,
  ]);
}

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const links = [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]!);

  test('links only into the Chinese edition', () => {
    expect(links.filter((l) => !l.startsWith('/zh/'))).toEqual([]);
  });

  test.each(links.length ? links : ['(none)'])('%s exists', (link) => {
    if (link === '(none)') return;
    const [path = '', anchor] = link.split('#');
    const target = fileOf(path);
    expect(target, `${link} is not a zh content page`).toBeDefined();
    if (anchor) expect([...anchorsOf(target!)]).toContain(anchor);
  });

  test('in-page anchors exist', () => {
    const own = anchorsOf(file);
    const local = [...text.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!);
    expect(local.filter((a) => !own.has(a))).toEqual([]);
  });
});
