/**
 * Checks one claim against one analysis result. Pure and browser-safe: the content tests run it
 * on the real toolchain's answers, and the workshop runs it in the browser on a learner's code.
 */
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { compileErrorClaim, decisionClaim, flowClaim, stackClaim } from './decision-claims.ts';
import { benchClaim, gcClaim, gcCompareClaim, outputClaim } from './runtime-claims.ts';
import type { Claim } from './schema.ts';
import { compileFailure, type ClaimVerdict } from './verdict.ts';

export type { ClaimVerdict } from './verdict.ts';

export interface ClaimContext {
  /** For `gc-compare`: the same code analysed with the claim's `than` options. */
  than?: AnalyzeResponse | undefined;
  /**
   * For claims with `runs`: every run of the claim's variant, the result first (and of the
   * `than` variant); medians are compared. Without them the one result is judged.
   */
  runs?: readonly AnalyzeResponse[] | undefined;
  thanRuns?: readonly AnalyzeResponse[] | undefined;
}

/** Whether `claim` holds for `result`; the reason quotes what the compiler or runtime printed. */
export function evaluateClaim(
  claim: Claim,
  result: AnalyzeResponse,
  ctx?: ClaimContext,
): ClaimVerdict {
  if (claim.type === 'compile-error') return compileErrorClaim(claim, result);
  const failed = compileFailure(result);
  if (failed) return { met: false, reason: failed };
  switch (claim.type) {
    case 'decision':
      return decisionClaim(claim, result);
    case 'stack':
      return stackClaim(claim, result);
    case 'flow':
      return flowClaim(claim, result);
    case 'bench':
      return benchClaim(claim, result, ctx?.runs);
    case 'gc':
      return gcClaim(claim, result, ctx?.runs);
    case 'gc-compare':
      return gcCompareClaim(claim, result, ctx?.than, ctx?.runs, ctx?.thanRuns);
    case 'output':
      return outputClaim(claim, result);
  }
}
