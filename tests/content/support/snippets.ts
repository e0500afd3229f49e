/**
 * Reads chapter snippets and exercise trees from disk and turns them into analysis requests.
 * Shared by `npm run record` and the content tests so both run a snippet the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { NormalizedAnalyzeRequest, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { SnippetMetaSchema, type SnippetMeta } from '../../../src/lib/content/snippet-schema.ts';
import type { Variant } from '../../../src/lib/exercises/variant.ts';

export const SNIPPETS_DIR = 'content/snippets';

export interface LoadedSnippet {
  id: string;
  dir: string;
  meta: SnippetMeta;
  /** In the order the snippet lists them (default: main.go first, then by name). */
  files: SourceFile[];
}

/** The .go files of a directory, main.go first. */
export function readGoFiles(dir: string, order?: readonly string[]): SourceFile[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.go'))
    .sort((a, b) => (a === 'main.go' ? -1 : b === 'main.go' ? 1 : a.localeCompare(b)));
  const listed = order ? [...order, ...names.filter((n) => !order.includes(n))] : names;
  return listed.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
}

export function loadSnippet(id: string, root: string = SNIPPETS_DIR): LoadedSnippet {
  const dir = join(root, id);
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'snippet.json'), 'utf8'));
  const parsed = SnippetMetaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${dir}/snippet.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return { id, dir, meta: parsed.data, files: readGoFiles(dir, parsed.data.files) };
}

/** Every snippet folder (one with a snippet.json), sorted by id. */
export function snippetIds(root: string = SNIPPETS_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'snippet.json')))
    .map((d) => d.name)
    .sort();
}

/** The options a snippet opens with. */
export function baseVariant(meta: SnippetMeta): Variant {
  return { mode: meta.mode, escapeDetail: meta.escapeDetail, inline: meta.inline, env: meta.env };
}

export function requestFor(files: SourceFile[], v: Variant): NormalizedAnalyzeRequest {
  return {
    files,
    mode: v.mode,
    escapeDetail: v.escapeDetail,
    inline: v.inline,
    env: v.env,
  };
}

/** `start/` and `solution/` trees of every exercise that has them. */
export function exerciseTrees(root = 'content/exercises'): { name: string; files: SourceFile[] }[] {
  if (!existsSync(root)) return [];
  const trees: { name: string; files: SourceFile[] }[] = [];
  for (const ex of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const part of ['start', 'solution']) {
      const dir = join(root, ex.name, part);
      if (existsSync(dir)) trees.push({ name: `${ex.name}/${part}`, files: readGoFiles(dir) });
    }
  }
  return trees.sort((a, b) => a.name.localeCompare(b.name));
}
