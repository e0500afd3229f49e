import { getCollection } from 'astro:content';
import type { Locale } from './locales.ts';

/**
 * Snippet titles in the page's language, by snippet id. English titles live in snippet.json;
 * the Chinese ones are the `title` props the zh chapters and pages give `<Snippet>`, so pages
 * that list snippets outside a chapter (the gallery) read them from there instead of a second
 * copy. Empty for English. Build-time only (astro:content).
 */
export async function snippetTitles(locale: Locale): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (locale !== 'zh') return titles;
  const docs = [...(await getCollection('chaptersZh')), ...(await getCollection('pagesZh'))];
  for (const doc of docs) {
    for (const [tag] of (doc.body ?? '').matchAll(/<Snippet\b[^>]*>/g)) {
      const id = /\bid="([^"]+)"/.exec(tag)?.[1];
      const title = /\btitle="([^"]+)"/.exec(tag)?.[1];
      if (id && title) titles.set(id, title);
    }
  }
  return titles;
}
