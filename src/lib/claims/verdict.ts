import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';

/** Whether a claim holds, and why, in the compiler's or runtime's own words. */
export interface ClaimVerdict {
  met: boolean;
  reason: string;
}

/** Decisions carry whatever path the compiler printed; claims name files by their base name. */
export const baseName = (file: string): string => file.replace(/^.*[\\/]/, '');

/** Why a result says nothing about the program (it did not compile), or undefined. */
export function compileFailure(result: AnalyzeResponse): string | undefined {
  if (result.ok) return undefined;
  const e = result.compileErrors[0];
  return e
    ? `the code does not compile: ${baseName(e.file)}:${e.line}: ${e.message}`
    : 'the code does not compile';
}
