/**
 * The two editions must match: a page, section anchor, snippet, fact check, glossary entry,
 * exercise text or UI string that exists in one language and not the other fails here.
 * Anchors matter because the language switch carries `#anchor` across and other pages link
 * into sections; snippet and fact-check ids because claims and recorded results are shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { zh } from '../../../src/i18n/messages/zh.ts';
import { astroPages, mdxNames, placeholders, readEditionPage } from './support/edition.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = join(ROOT, 'src', 'pages');

describe('routes', () => {
  test('every page under src/pages has its /zh/ counterpart, and no zh page is orphaned', () => {
    const english = astroPages(PAGES, join(PAGES, 'zh'));
    const chinese = astroPages(join(PAGES, 'zh'));
    expect(english.length).toBeGreaterThan(5);
    expect(chinese).toEqual(english);
  });
});

describe('UI strings', () => {
  test('both catalogues have the same keys, no empty value, and the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      const other = zh[key as keyof typeof en];
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(value));
    }
  });
});

describe.each(['chapters', 'pages'])('content/%s', (dir) => {
  const base = join(ROOT, 'content', dir);
  const names = mdxNames(base);

  test('has the same files in English and Chinese', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(mdxNames(join(base, 'zh'))).toEqual(names);
  });

  describe.each(names.filter((n) => existsSync(join(base, 'zh', n))))('%s', (name) => {
    const english = readEditionPage(join(base, name));
    const chinese = readEditionPage(join(base, 'zh', name));

    test('same section anchors, in order', () => {
      expect(chinese.sections).toEqual(english.sections);
    });

    test('same glossary entries (h2 ids), in order', () => {
      expect(chinese.entries).toEqual(english.entries);
    });

    test('same snippets, in order', () => {
      expect(chinese.snippets).toEqual(english.snippets);
    });

    test('same fact checks with the same verdict and the same quotation of the article', () => {
      expect(chinese.factChecks).toEqual(english.factChecks);
      for (const fc of english.factChecks) {
        expect(fc.quote, `${fc.id} quotes the article`).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    test('same position in the course, article sections and toolchain', () => {
      for (const key of ['order', 'articleSections', 'toolchain']) {
        expect(chinese.frontmatter[key], key).toBe(english.frontmatter[key]);
      }
    });
  });
});

describe('exercises', () => {
  const dir = join(ROOT, 'content', 'exercises');
  const slugs = readdirSync(dir, { withFileTypes: true })
    // Directories starting with `_` (content/exercises/_harness) hold shared test support for the
    // exercises, not an exercise: they have no exercise.json and nothing to translate.
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name);

  test.each(slugs)('%s has Chinese instructions, title, summary, hints and goal texts', (slug) => {
    const ex = JSON.parse(readFileSync(join(dir, slug, 'exercise.json'), 'utf8')) as {
      hints: string[];
      goals: unknown[];
    };
    expect(existsSync(join(dir, slug, 'instructions.zh.md')), 'instructions.zh.md').toBe(true);
    const zhFile = join(dir, slug, 'exercise.zh.json');
    expect(existsSync(zhFile), 'exercise.zh.json').toBe(true);
    const text = JSON.parse(readFileSync(zhFile, 'utf8')) as {
      title?: string;
      summary?: string;
      hints?: string[];
      goals?: string[];
    };
    expect(text.title).toMatch(/[\u4e00-\u9fff]/);
    expect(text.summary).toMatch(/[\u4e00-\u9fff]/);
    expect(text.hints?.length).toBe(ex.hints.length);
    expect(text.goals?.length).toBe(ex.goals.length);
  });
});
