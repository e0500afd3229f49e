import { readFileSync } from 'node:fs';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { ClaimSchema, type Claim } from '../../../src/lib/claims/schema.ts';

/** A real AnalyzeResponse recorded from go1.26.8 by `npm run record`, validated on load. */
export function fixture(name: string): AnalyzeResponse {
  const url = new URL(`./fixtures/${name}.json`, import.meta.url);
  return AnalyzeResponseSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** Claims are written as in snippet.json and get the schema's defaults. */
export const claim = (raw: unknown): Claim => ClaimSchema.parse(raw);
