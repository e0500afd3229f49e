/** The analyses one check produced, looked up by whose code and which variant. */
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import type { BenchProblem } from './authenticate.ts';
import type { Who } from './plan.ts';
import { variantKey, type Variant } from './variant.ts';

export class RunResults {
  readonly #runs = new Map<string, AnalyzeResponse[]>();
  readonly #problems = new WeakMap<AnalyzeResponse, BenchProblem>();

  static key(who: Who, v: Variant): string {
    return `${who}:${variantKey(v)}`;
  }

  set(who: Who, v: Variant, results: AnalyzeResponse[]): void {
    this.#runs.set(RunResults.key(who, v), results);
  }

  /** Every repetition (at least one) or undefined when that analysis was not run. */
  all(who: Who, v: Variant): AnalyzeResponse[] | undefined {
    const r = this.#runs.get(RunResults.key(who, v));
    return r && r.length > 0 ? r : undefined;
  }

  /** A bench run whose evidence is not the checker's own (authenticate.ts). */
  setProblem(r: AnalyzeResponse, problem: BenchProblem): void {
    this.#problems.set(r, problem);
  }

  problem(r: AnalyzeResponse): BenchProblem | undefined {
    return this.#problems.get(r);
  }

  first(who: Who, v: Variant): AnalyzeResponse | undefined {
    return this.all(who, v)?.[0];
  }
}
