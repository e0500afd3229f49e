/**
 * `npm run size`: per built page, the HTML (raw and gzipped) and the JavaScript the browser
 * downloads before anyone interacts — module scripts and everything they import statically,
 * gzipped. Dynamic imports (Mermaid, CodeMirror, Monaco) are excluded: they load on visibility
 * or interaction. Lists the largest pages by HTML. Fails when a chapter page (either edition)
 * is over its HTML or JS budget, or can reach Monaco at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve(import.meta.dirname, '..', 'dist');
/** Gzipped JS a chapter page may load before interaction. */
const CHAPTER_BUDGET = 150 * 1024;
/** Gzipped HTML of a chapter page: the recorded results are HTML, their data a separate file. */
export const CHAPTER_HTML_BUDGET = 60 * 1024;
// Both editions: /learn/chapter-N/ and /zh/learn/chapter-N/ carry the same budget.
const CHAPTER = /^(zh\/)?learn\/chapter-[^/]+\/index\.html$/;

/** Module specifiers imported statically: `import x from "y"`, `import "y"`, `export * from "y"`. */
export function staticImports(js: string): string[] {
  const found: string[] = [];
  // No parentheses allowed between the keyword and the string, so `import("y")` never matches.
  const re = /\b(?:import|export)\s*(?:[^'"();=]*?\bfrom\s*)?(['"])([^'"\s]+\.m?js)\1/g;
  for (const m of js.matchAll(re)) if (m[2]) found.push(m[2]);
  return found;
}

/** Module specifiers imported dynamically: `import("y")` (for the Monaco check only). */
export function dynamicImports(js: string): string[] {
  return [...js.matchAll(/\bimport\(\s*(['"`])([^'"`]+\.m?js)\1\s*\)/g)].flatMap((m) =>
    m[2] ? [m[2]] : [],
  );
}

interface PageScripts {
  /** dist-relative paths of external module scripts. */
  external: string[];
  /** Bodies of inline module scripts. */
  inline: string[];
}

export function pageScripts(html: string): PageScripts {
  const external: string[] = [];
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const type = /\btype="([^"]*)"/.exec(attrs)?.[1] ?? '';
    // JSON islands (type="application/json") are data, not code the browser runs.
    if (!['', 'module', 'text/javascript'].includes(type)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) external.push(src);
    else if ((m[2] ?? '').trim()) inline.push(m[2] ?? '');
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href) external.push(href);
  }
  return { external, inline };
}

/** Resolves a specifier seen in `fromFile` (dist-relative; '' for the page) to a dist path. */
function resolveSpecifier(spec: string, fromFile: string): string | undefined {
  if (/^[a-z]+:/i.test(spec)) return undefined; // another origin: not part of this budget
  const path = spec.startsWith('/') ? spec.slice(1) : join(dirname(fromFile), spec);
  return path.split(sep).join('/');
}

function jsGraph(roots: readonly string[], inline: readonly string[], follow: 'static' | 'all') {
  const seen = new Set<string>();
  const queue: Array<[string, string]> = []; // [specifier-resolved path, source]
  const visit = (source: string, from: string) => {
    const specs = [...staticImports(source), ...(follow === 'all' ? dynamicImports(source) : [])];
    for (const spec of specs) {
      const path = resolveSpecifier(spec, from);
      if (path && !seen.has(path)) queue.push([path, from]);
    }
  };
  for (const r of roots) queue.push([r.replace(/^\//, ''), '']);
  for (const body of inline) visit(body, '_astro/inline.js');
  while (queue.length > 0) {
    const [path] = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(DIST, path);
    if (existsSync(file)) visit(readFileSync(file, 'utf8'), path);
  }
  return seen;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A chapter page's HTML budget breach, or undefined within budget (or not a chapter). */
export function htmlOverBudget(page: string, html: string | Buffer): string | undefined {
  if (!CHAPTER.test(page)) return undefined;
  const bytes = gz(html);
  return bytes > CHAPTER_HTML_BUDGET
    ? `${page}: HTML ${kb(bytes)} gzip > ${kb(CHAPTER_HTML_BUDGET)}`
    : undefined;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === '_astro' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [relative(DIST, full).split(sep).join('/')] : [];
  });
}

function main(): number {
  if (!existsSync(join(DIST, 'index.html'))) {
    process.stderr.write('dist/ has no build: run `npm run build` first\n');
    return 1;
  }
  const rows: string[][] = [];
  const failures: string[] = [];
  const htmlSizes: Array<[string, number, number]> = [];
  for (const page of htmlFiles(DIST).sort()) {
    const html = readFileSync(join(DIST, page));
    const { external, inline } = pageScripts(html.toString('utf8'));
    const eager = jsGraph(external, inline, 'static');
    const bytes =
      inline.reduce((n, body) => n + gz(body), 0) +
      [...eager].reduce(
        (n, p) => n + (existsSync(join(DIST, p)) ? gz(readFileSync(join(DIST, p))) : 0),
        0,
      );
    const path = `/${page.replace(/index\.html$/, '')}`;
    const htmlGz = gz(html);
    htmlSizes.push([path, html.length, htmlGz]);
    let verdict = '';
    if (CHAPTER.test(page)) {
      const everything = jsGraph(external, inline, 'all');
      const monaco = [...everything].filter(
        (p) =>
          /monaco/i.test(p) ||
          (existsSync(join(DIST, p)) &&
            /monaco-editor|vs\/editor\/editor/.test(readFileSync(join(DIST, p), 'utf8'))),
      );
      if (monaco.length > 0) failures.push(`${page} can load Monaco: ${monaco.join(', ')}`);
      if (bytes > CHAPTER_BUDGET) failures.push(`${page}: JS ${kb(bytes)} > ${kb(CHAPTER_BUDGET)}`);
      const overHtml = htmlOverBudget(page, html);
      if (overHtml) failures.push(overHtml);
      verdict = bytes > CHAPTER_BUDGET || monaco.length > 0 || overHtml ? 'OVER' : 'ok';
    }
    rows.push([
      path,
      kb(html.length),
      kb(htmlGz),
      String(eager.size + inline.length),
      kb(bytes),
      verdict,
    ]);
  }
  printTable(
    [
      'page',
      'HTML',
      'HTML gzip',
      'scripts',
      'JS gzip before interaction',
      `chapter budget: HTML ${kb(CHAPTER_HTML_BUDGET)}, JS ${kb(CHAPTER_BUDGET)} gzip`,
    ],
    rows,
  );
  process.stdout.write('\nLargest pages by HTML (gzip):\n');
  printTable(
    ['page', 'HTML', 'HTML gzip'],
    htmlSizes
      .sort((a, b) => b[2] - a[2])
      .slice(0, 5)
      .map(([p, raw, z]) => [p, kb(raw), kb(z)]),
  );
  for (const f of failures) process.stderr.write(`size: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(`${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

if (import.meta.main) process.exitCode = main();
