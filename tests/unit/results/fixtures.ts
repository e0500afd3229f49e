import { readFileSync } from 'node:fs';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';

/** A fixture captured from the real toolchain, validated against the wire contract. */
export function loadResult(name: string): AnalyzeResponse {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return AnalyzeResponseSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}
