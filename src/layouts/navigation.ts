/**
 * The course outline, computed once per build: chapters in order with their `##` sections, and the
 * reference pages. Every layout piece (sidebar, previous/next, home page) reads this one outline so
 * they can never disagree.
 */
import { getCollection, render } from 'astro:content';

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

export const chapterHref = (id: string): string => `/learn/${id}`;
export const pageHref = (id: string): string => `/${id}`;

async function loadOutline(): Promise<Outline> {
  const entries = await getCollection('chapters');
  entries.sort((a, b) => a.data.order - b.data.order);
  const chapters = await Promise.all(
    entries.map(async (entry): Promise<ChapterLink> => {
      const { headings } = await render(entry);
      return {
        id: entry.id,
        href: chapterHref(entry.id),
        title: entry.data.title,
        summary: entry.data.summary,
        order: entry.data.order,
        sections: headings.filter((h) => h.depth === 2).map((h) => ({ id: h.slug, text: h.text })),
      };
    }),
  );
  const pageEntries = await getCollection('pages');
  const pages = pageEntries
    .map((p) => ({ id: p.id, href: pageHref(p.id), title: p.data.title, summary: p.data.summary }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return { chapters, pages };
}

let cached: Promise<Outline> | undefined;

/** The outline, computed on first use and shared by every page of the build. */
export function getOutline(): Promise<Outline> {
  // In dev the content changes under us, so only the production build memoises.
  if (import.meta.env.DEV) return loadOutline();
  cached ??= loadOutline();
  return cached;
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
