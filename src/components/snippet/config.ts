import { z } from 'zod';
import {
  AnalyzeResponseSchema,
  ModeSchema,
  RunEnvSchema,
  SourceFileSchema,
} from '@go-memory-lab/sandbox-api/protocol';
import { KnobSchema } from '../../lib/content/snippet-schema.ts';

/**
 * What the hydrated `<go-snippet>` needs beyond the server-painted HTML: the original files, the
 * recorded result and the default options. It is a static JSON file per snippet
 * (`/snippet-data/<id>.<hash>.json`, the same for both editions) fetched when the editor loads,
 * not inline JSON: the first paint already shows the recorded result as HTML, and inline copies
 * made every chapter page several times heavier. Validated on arrival like any other response.
 */
export const SnippetConfigSchema = z.object({
  id: z.string(),
  mode: ModeSchema,
  escapeDetail: z.union([z.literal(1), z.literal(2)]),
  inline: z.boolean(),
  env: RunEnvSchema,
  knobs: z.array(KnobSchema),
  focus: z.string().optional(),
  /** The original files, in display order. */
  files: z.array(SourceFileSchema).min(1),
  recorded: AnalyzeResponseSchema.optional(),
  /** decisionKey of the decision the server drew the diagram for. */
  subject: z.string().optional(),
});
export type SnippetConfig = z.infer<typeof SnippetConfigSchema>;
