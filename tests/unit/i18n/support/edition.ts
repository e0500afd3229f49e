/**
 * What one MDX page of an edition exposes to readers and links: its section anchors, snippets,
 * fact checks, glossary entries and frontmatter. The parity test compares these between
 * `content/<dir>/x.mdx` and `content/<dir>/zh/x.mdx`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';

export interface FactCheckRef {
  id: string;
  verdict: string;
  quote: string | undefined;
}

export interface EditionPage {
  frontmatter: Record<string, string>;
  /** `##` section anchors in order, as Astro assigns them (explicit `[#id]` wins over the slug). */
  sections: string[];
  /** `<h2 id="…">` anchors written as JSX (the glossary's entries). */
  entries: string[];
  snippets: string[];
  factChecks: FactCheckRef[];
}

const HEADING = /^## (.+?)\s*$/;
const MARKER = /\s*\[#([a-z0-9][a-z0-9-]*)\]$/;

/** Markdown text of a heading as the slugger sees it: inline code and emphasis marks dropped. */
function plainHeading(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function readEditionPage(file: string): EditionPage {
  const text = readFileSync(file, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const frontmatter: Record<string, string> = {};
  for (const line of fm?.[1]?.split('\n') ?? []) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) frontmatter[m[1]!] = m[2]!;
  }
  const slugger = new GithubSlugger();
  const sections: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence && HEADING.exec(line);
    if (!h) continue;
    const explicit = MARKER.exec(h[1]!);
    sections.push(explicit ? explicit[1]! : slugger.slug(plainHeading(h[1]!)));
  }
  const entries = [...text.matchAll(/<h2\s+id="([^"]+)"/g)].map((m) => m[1]!);
  const snippets = [...text.matchAll(/<Snippet\s+[^>]*\bid=["']([^"']+)["']/g)].map((m) => m[1]!);
  // Attributes are matched whole so a `>` inside a quotation does not end the tag.
  const factChecks = [...text.matchAll(/<FactCheck((?:\s+\w+=(?:"[^"]*"|'[^']*'))*)\s*>/g)].map(
    (m) => ({
      id: attr(m[1]!, 'id') ?? '',
      verdict: attr(m[1]!, 'verdict') ?? '',
      quote: attr(m[1]!, 'quote'),
    }),
  );
  return { frontmatter, sections, entries, snippets, factChecks };
}

/** `.mdx` file names directly in a folder (the zh edition's subfolder is not one of them). */
export function mdxNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort();
}

/** Every `.astro` page under `dir`, relative to it, skipping `skip` (the zh tree itself). */
export function astroPages(dir: string, skip?: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (p !== skip) walk(p);
      } else if (e.name.endsWith('.astro')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** `{name}` placeholders of a catalogue string, sorted. */
export function placeholders(value: string): string[] {
  return [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
