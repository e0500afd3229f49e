/**
 * The course outline, computed once per build: chapters in order with their `##` sections, and the
 * reference pages. Every layout piece (sidebar, previous/next, home page) reads this one outline so
 * they can never disagree.
 */
import { getCollection, render } from 'astro:content';
import { pathInLocale, type Locale } from '../i18n/locales.ts';

export interface SectionLink {
  /** The heading id Astro generated, used as the section's anchor. */
  id: string;
  text: string;
}

export interface ChapterLink {
  /** Collection id, e.g. "chapter-2" (also the URL segment). */
  id: string;
  href: string;
  title: string;
  summary: string;
  order: number;
  sections: SectionLink[];
}

export interface PageLink {
  id: string;
  href: string;
  title: string;
  summary: string;
}

export interface Outline {
  chapters: ChapterLink[];
  pages: PageLink[];
}

export const chapterHref = (id: string, locale: Locale = 'en'): string =>
  pathInLocale(`/learn/${id}`, locale);
export const pageHref = (id: string, locale: Locale = 'en'): string =>
  pathInLocale(`/${id}`, locale);

/** The chapter and page collections of one locale (content/chapters vs content/chapters/zh). */
export function chapterEntries(locale: Locale) {
  return locale === 'zh' ? getCollection('chaptersZh') : getCollection('chapters');
}

export function pageEntries(locale: Locale) {
  return locale === 'zh' ? getCollection('pagesZh') : getCollection('pages');
}

async function loadOutline(locale: Locale): Promise<Outline> {
  const entries = await chapterEntries(locale);
  entries.sort((a, b) => a.data.order - b.data.order);
  const chapters = await Promise.all(
    entries.map(async (entry): Promise<ChapterLink> => {
      const { headings } = await render(entry);
      return {
        id: entry.id,
        href: chapterHref(entry.id, locale),
        title: entry.data.title,
        summary: entry.data.summary,
        order: entry.data.order,
        sections: headings.filter((h) => h.depth === 2).map((h) => ({ id: h.slug, text: h.text })),
      };
    }),
  );
  const pages = (await pageEntries(locale))
    .map((p) => ({
      id: p.id,
      href: pageHref(p.id, locale),
      title: p.data.title,
      summary: p.data.summary,
    }))
    // Sorted by id, not title, so both editions list the reference pages in the same order.
    .sort((a, b) => a.id.localeCompare(b.id));
  return { chapters, pages };
}

const cached = new Map<Locale, Promise<Outline>>();

/** The outline of one edition, computed on first use and shared by every page of the build. */
export function getOutline(locale: Locale = 'en'): Promise<Outline> {
  // In dev the content changes under us, so only the production build memoises.
  if (import.meta.env.DEV) return loadOutline(locale);
  let outline = cached.get(locale);
  if (!outline) {
    outline = loadOutline(locale);
    cached.set(locale, outline);
  }
  return outline;
}

/** getStaticPaths of /learn/[chapter] in one edition: the entry rides along as a prop. */
export async function chapterStaticPaths(locale: Locale) {
  const entries = await chapterEntries(locale);
  return entries.map((entry) => ({ params: { chapter: entry.id }, props: { entry } }));
}

/** getStaticPaths of /[page] (reference pages) in one edition. */
export async function pageStaticPaths(locale: Locale) {
  const entries = await pageEntries(locale);
  return entries.map((entry) => ({ params: { page: entry.id }, props: { entry } }));
}

/** getStaticPaths of /workshop/[slug] (both editions share the exercises; text picks the locale). */
export async function exerciseStaticPaths() {
  const all = (await getCollection('exercises')).sort((a, b) => a.data.order - b.data.order);
  return all.map((entry) => ({ params: { slug: entry.id }, props: { entry, all } }));
}

/** The chapters before and after `id` in course order (undefined at either end). */
export function neighbours(
  chapters: readonly ChapterLink[],
  id: string,
): { prev: ChapterLink | undefined; next: ChapterLink | undefined } {
  const i = chapters.findIndex((c) => c.id === id);
  if (i < 0) return { prev: undefined, next: undefined };
  return { prev: chapters[i - 1], next: chapters[i + 1] };
}
