import { canonicalPlaygroundState, type AnalyzeResponse, type Variant } from '../protocol.ts';

/**
 * Whether `result` is the answer for `variant`: the same files, flags and knobs (and the same
 * toolchain when the variant pins one). A genuine result of other code must not be shown as the
 * recorded result of this code.
 */
export function resultMatches(result: AnalyzeResponse, variant: Variant): boolean {
  const ran: Variant = {
    ...result.request,
    ...(variant.toolchain === undefined ? { toolchain: undefined } : {}),
  };
  const a = canonicalPlaygroundState({ v: 1, a: variant });
  const b = canonicalPlaygroundState({ v: 1, a: ran });
  return JSON.stringify(a) === JSON.stringify(b);
}
