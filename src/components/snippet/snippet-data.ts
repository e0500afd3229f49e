import { createHash } from 'node:crypto';
import { decisionsInFiles } from '../../lib/results/filter.ts';
import { pickDiagramSubject } from '../../lib/results/diagram.ts';
import type { SnippetConfig } from './config.ts';
import { loadSnippet, type LoadedSnippet } from './load-snippet.ts';
import { decisionKey } from './render-decisions.ts';

/** Where the static JSON files live; one file per snippet, shared by both editions. */
export const SNIPPET_DATA_DIR = '/snippet-data';

export interface SnippetData {
  /** `/snippet-data/<id>.<hash>.json`: a new name whenever the content changes. */
  url: string;
  /** The file's body: a SnippetConfig as JSON. */
  body: string;
  /**
   * The recorded compiler output as plain text beside it (`<id>.<hash>.txt`), when there is
   * any: the collapsed "Raw compiler output" links to it on first paint (it works without
   * JavaScript), and the editor puts the text itself there when it loads.
   */
  raw?: { url: string; text: string };
}

/** The config the hydrated element needs; no page-language text, so en and zh share it. */
export function snippetConfig(id: string, loaded: LoadedSnippet): SnippetConfig {
  const { meta, files, recorded } = loaded;
  const visible = recorded
    ? decisionsInFiles(
        recorded.decisions,
        files.map((f) => f.name),
      )
    : [];
  const subject = pickDiagramSubject(visible, meta.focus);
  return {
    id,
    mode: meta.mode,
    escapeDetail: meta.escapeDetail,
    inline: meta.inline,
    env: meta.env,
    knobs: meta.knobs,
    ...(meta.focus !== undefined ? { focus: meta.focus } : {}),
    files,
    ...(recorded ? { recorded } : {}),
    ...(subject ? { subject: decisionKey(subject) } : {}),
  };
}

const cache = new Map<string, Promise<SnippetData>>();

/**
 * Build time: the snippet's data file, named by a hash of its body so it can be cached forever
 * (the service sends it `immutable`). The component links it and the `/snippet-data/` route
 * writes it, both through this one function, so the name a page asks for always exists.
 */
export function snippetData(id: string): Promise<SnippetData> {
  let d = cache.get(id);
  if (!d) {
    d = loadSnippet(id).then((loaded) => {
      const body = JSON.stringify(snippetConfig(id, loaded));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      const base = `${SNIPPET_DATA_DIR}/${id}.${hash}`;
      const text = loaded.recorded?.compilerOutput.text ?? '';
      return { url: `${base}.json`, body, ...(text ? { raw: { url: `${base}.txt`, text } } : {}) };
    });
    cache.set(id, d);
  }
  return d;
}
