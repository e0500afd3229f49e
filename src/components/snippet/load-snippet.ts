import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEntry } from 'astro:content';
import {
  AnalyzeResponseSchema,
  type AnalyzeResponse,
  type SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import type { SnippetMeta } from '../../lib/content/snippet-schema.ts';

/** Build time only: `content/snippets/<id>/` relative to the project root Astro runs in. */
const SNIPPETS = join(process.cwd(), 'content', 'snippets');

export interface LoadedSnippet {
  meta: SnippetMeta;
  files: SourceFile[];
  recorded: AnalyzeResponse | undefined;
}

/** Reads a snippet's metadata, files and recorded result; a bad id or file fails the build. */
export async function loadSnippet(id: string): Promise<LoadedSnippet> {
  const entry = await getEntry('snippets', id);
  if (!entry) throw new Error(`<Snippet id="${id}">: no content/snippets/${id}/snippet.json`);
  const meta = entry.data;
  const dir = join(SNIPPETS, id);
  const goFiles = readdirSync(dir)
    .filter((n) => n.endsWith('.go'))
    // main.go first, tests last: the order a reader wants to see them in.
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const names = meta.files ?? goFiles;
  const files = names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
  const recordedPath = join(dir, 'recorded.json');
  let recorded: AnalyzeResponse | undefined;
  if (existsSync(recordedPath)) {
    const parsed = AnalyzeResponseSchema.safeParse(JSON.parse(readFileSync(recordedPath, 'utf8')));
    if (!parsed.success)
      throw new Error(`${recordedPath} does not match AnalyzeResponse: ${parsed.error.message}`);
    recorded = parsed.data;
  }
  return { meta, files, recorded };
}

function rank(name: string): number {
  return name === 'main.go' ? 0 : name.endsWith('_test.go') ? 2 : 1;
}
