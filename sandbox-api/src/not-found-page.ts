import fs from 'node:fs';
import path from 'node:path';

/**
 * The built 404 page for a missed path: the Chinese edition's for `/zh` and `/zh/…` (the site
 * serves its Chinese pages under that prefix, see docs/ARCHITECTURE.md; Astro writes
 * `src/pages/zh/404.astro` to `zh/404/index.html`), the English `404.html` otherwise. Undefined
 * when the site has no 404 page at all.
 */
export function notFoundPage(root: string, pathname: string): string | undefined {
  const zh = pathname === '/zh' || pathname.startsWith('/zh/');
  const candidates = [
    ...(zh ? [path.join(root, 'zh', '404', 'index.html')] : []),
    path.join(root, '404.html'),
  ];
  return candidates.find((file) => fs.existsSync(file));
}
