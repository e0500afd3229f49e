/**
 * Reads a bench run of the learner's code through the proofs of `proof.ts`: a result line of a
 * hidden benchmark counts only with that benchmark's proof, and the package's verdict only when
 * the generated `TestMain` printed its done line (so the binary ran to the end and its exit code
 * is the real one). What the program printed itself is refused, never read as evidence.
 */
import type { AnalyzeResponse, BenchLine } from '@go-memory-lab/sandbox-api/protocol';
import { benchBaseName } from '../claims/bench-line.ts';
import { benchProof, DONE_LINE, doneProof, PROOF_METRIC, type ProofKey } from './proof.ts';

/** Why a bench run's evidence is not the checker's own. */
export type BenchProblem =
  /** A hidden benchmark's result line without its proof: the program printed it. */
  | { code: 'forged-result'; benchmark: string }
  /** No done line: the test binary stopped before its run was over (os.Exit, crash). */
  | { code: 'incomplete-run' };

export interface Authenticated {
  response: AnalyzeResponse;
  problem?: BenchProblem;
}

function withoutProof(line: BenchLine): BenchLine {
  const extra = { ...line.extra };
  delete extra[PROOF_METRIC];
  return { ...line, extra };
}

/** The exit code of the test binary's own done line, or undefined when it has none. */
function doneCode(text: string, key: ProofKey): number | undefined {
  for (const m of text.matchAll(DONE_LINE)) {
    const code = Number(m[2]);
    if (BigInt(m[1]!) === doneProof(key, code)) return code;
  }
  return undefined;
}

/**
 * Checks a bench-mode response against the key its hidden files were generated with; `hidden`
 * names the benchmarks in those files. Responses that did not run a benchmark pass through.
 */
export function authenticateBench(
  r: AnalyzeResponse,
  key: ProofKey,
  hidden: readonly string[],
): Authenticated {
  const bench = r.bench;
  if (!bench) return { response: r };
  const isForged = (line: BenchLine) => {
    const name = benchBaseName(line.name);
    const proof = line.extra[PROOF_METRIC];
    return (
      hidden.includes(name) &&
      (proof === undefined ||
        !Number.isSafeInteger(proof) ||
        BigInt(proof) !== benchProof(key, name))
    );
  };
  const forged = bench.results.find(isForged);
  const code = doneCode(r.run?.stdout.text ?? '', key);
  const response: AnalyzeResponse = {
    ...r,
    bench: {
      ...bench,
      results: bench.results.filter((l) => !isForged(l)).map(withoutProof),
      passed: bench.passed && code === 0,
    },
  };
  if (forged)
    return { response, problem: { code: 'forged-result', benchmark: benchBaseName(forged.name) } };
  // A benchmark that failed is the learner's failure, judged as such; a binary that simply
  // stopped without its done line leaves nothing to judge.
  if (code === undefined && (bench.failed ?? []).length === 0)
    return { response, problem: { code: 'incomplete-run' } };
  return { response };
}
