/** The built site's pages, found by walking dist/ (so a new page is tested without listing it). */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** URL path of a built HTML file: dist/learn/chapter-2/index.html → /learn/chapter-2/. */
export function urlPathOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Every HTML page in dist/ as a URL path, sorted. */
export function builtPages(): string[] {
  return walk(DIST).map(urlPathOf).sort();
}

/** Chapter pages only (/learn/chapter-N/). */
export function chapterPages(): string[] {
  return builtPages().filter((p) => /^\/learn\/chapter-\d+\/$/.test(p));
}
