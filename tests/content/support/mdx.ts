/**
 * What the MDX content says about snippets: which pages reference which ids, and which `##`
 * sections contain a snippet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MdxFile {
  path: string;
  text: string;
}

const SNIPPET_TAG = /<Snippet\s+[^>]*\bid=["']([^"']+)["']/g;

export function readMdx(
  dirs: readonly string[] = ['content/chapters', 'content/pages'],
): MdxFile[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.mdx'))
      .sort()
      .map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') })),
  );
}

/** Ids of every `<Snippet id="…">` in a text, in order. */
export function snippetRefs(text: string): string[] {
  return [...text.matchAll(SNIPPET_TAG)].map((m) => m[1]!);
}

/** Snippet id → the MDX files that show it. */
export function referencingFiles(files: readonly MdxFile[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of files) {
    for (const id of new Set(snippetRefs(f.text))) map.set(id, [...(map.get(id) ?? []), f.path]);
  }
  return map;
}

/** The `##` sections of an MDX body (code fences skipped), with their text. */
export function sections(text: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  let inFence = false;
  let current: { heading: string; lines: string[] } | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence && /^## (.+)$/.exec(line);
    if (h) {
      if (current) out.push({ heading: current.heading, body: current.lines.join('\n') });
      current = { heading: h[1]!.trim(), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) out.push({ heading: current.heading, body: current.lines.join('\n') });
  return out;
}
