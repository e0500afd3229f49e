/**
 * The compare-mode fixtures (../fixtures/, real service records and -m output on go1.26.8) as
 * the diff tests read them, and a change's sentence as an English page shows it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionSchema, type Decision } from '@go-memory-lab/sandbox-api/protocol';
import { renderChange } from '../../../../src/lib/share/change-text.ts';
import type { DecisionChange } from '../../../../src/lib/share/diff-decisions.ts';

const dir = join(import.meta.dirname, '..', 'fixtures');

/** A fixture file's text. */
export const read = (p: string) => readFileSync(join(dir, p), 'utf8');

/** The decisions of a recorded AnalyzeResponse (`{decisions: [...]}`), validated. */
export const loadDecisions = (p: string): Decision[] =>
  DecisionSchema.array().parse((JSON.parse(read(p)) as { decisions: unknown }).decisions);

/** The sentence as an English page shows it, rendered through the catalogue. */
export const english = (c: DecisionChange) => renderChange('en', c.sentence);
