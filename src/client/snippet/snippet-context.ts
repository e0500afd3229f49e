import type { SnippetConfig } from '../../components/snippet/config.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import type { SnippetEditor } from './editor.ts';

export type Tone = 'info' | 'error' | 'busy';

/** What every part of a mounted snippet (results, runs, links) reads: one per `<go-snippet>`. */
export interface SnippetContext {
  root: HTMLElement;
  config: SnippetConfig;
  locale: Locale;
  /** The snippet's file names, in order. */
  names: string[];
  editors: Map<string, SnippetEditor>;
  /** The code on screen, one entry per file of the snippet. */
  currentFiles: () => SourceFile[];
  /** Writes the status line. */
  say: (text: string, tone?: Tone) => void;
}
