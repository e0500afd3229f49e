import type {
  AnalyzeResponse,
  Mode,
  RunEnv,
  SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import type { Knob } from '../../lib/content/snippet-schema.ts';

/** What the server hands the `<go-snippet>` element, as JSON inside it. */
export interface SnippetConfig {
  id: string;
  title: string;
  mode: Mode;
  escapeDetail: 1 | 2;
  inline: boolean;
  env: RunEnv;
  knobs: Knob[];
  focus?: string;
  /** The original files, in display order. */
  files: SourceFile[];
  recorded?: AnalyzeResponse;
  /** decisionKey of the decision the server drew the diagram for. */
  subject?: string;
}
