/**
 * Checks a learner's code against every goal of an exercise: runs the analyses the goals need
 * (through an injected analyzer: the HTTP client in the browser, the service in tests), then
 * judges each goal. The start version's results never change, so callers may keep them.
 */
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import { authenticateBench } from './authenticate.ts';
import { evaluateGoal, type GoalVerdict } from './evaluate-goal.ts';
import type { Goal } from './goal-schema.ts';
import { planRuns, type RunNeed } from './plan.ts';
import { newProofKey, provedChecks, START_KEY, type ProofKey } from './proof.ts';
import { RunResults } from './results.ts';
import { findFunctions } from './source-scan.ts';
import { toRequest, type Variant } from './variant.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

/** Runs one analysis; throws when no result can be had (unreachable, rejected). */
export type Analyzer = (req: AnalyzeRequest) => Promise<AnalyzeResponse>;

export interface CheckInput {
  goals: readonly Goal[];
  base: Variant;
  current: SourceFile[];
  start: SourceFile[];
  /** The exercise's hidden `_test.go` files (checks and harness), added to every bench run. */
  checks?: SourceFile[] | undefined;
}

const isTest = (f: SourceFile) => f.name.endsWith('_test.go');

/**
 * What a bench-mode run compiles: the code's non-test files, the exercise's own test files as
 * the start has them (a learner who edits the benchmark does not change what is measured) and
 * the hidden checks with their proof file for `key` (proof.ts).
 */
export function benchFiles(
  code: readonly SourceFile[],
  input: Pick<CheckInput, 'start' | 'checks'>,
  key: ProofKey = START_KEY,
): SourceFile[] {
  return [
    ...code.filter((f) => !isTest(f)),
    ...input.start.filter(isTest),
    ...provedChecks(input.checks ?? [], key),
  ];
}

/** The benchmarks the hidden checks define: only the checker's files may report them. */
export function hiddenBenchmarks(checks: readonly SourceFile[]): string[] {
  return checks.flatMap((f) =>
    findFunctions(f.content)
      .map((fn) => fn.name)
      .filter((n) => n.startsWith('Benchmark')),
  );
}

export interface CheckOptions {
  /** Results of the start version by run key, reused across checks of the same exercise. */
  startCache?: Map<string, AnalyzeResponse[]>;
  /** Called before each analysis with a short description and the count so far. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Language of the progress labels (the page's). */
  locale?: Locale;
  /** The proof key of this check's bench runs of the learner's code (default: a fresh one). */
  proofKey?: ProofKey;
  /** Analyses in flight at once (default `CHECK_CONCURRENCY`; 1 runs them one by one). */
  concurrency?: number;
}

export interface GoalReport extends GoalVerdict {
  goal: Goal;
}

export interface CheckReport {
  goals: GoalReport[];
  allMet: boolean;
  /** The learner's result under the exercise's own options (for the result panels). */
  current: AnalyzeResponse | undefined;
}

function label(need: RunNeed, rep: number, locale: Locale = 'en'): string {
  const whose = t(locale, need.who === 'current' ? 'workshop.check.yours' : 'workshop.check.start');
  return need.runs > 1
    ? t(locale, 'workshop.check.run', { whose, n: rep + 1, runs: need.runs })
    : whose;
}

/**
 * Analyses a check keeps in flight at once: the start's and the attempt's runs go side by side
 * (the service lets one client have at least 2 in flight), but no more, so one learner's check
 * does not crowd out the room on a shared sandbox.
 */
export const CHECK_CONCURRENCY = 2;

/** Runs `tasks` with at most `limit` in flight; results in the tasks' order. Stops at a failure. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const i = next++;
      try {
        out[i] = await tasks[i]!();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

/**
 * Executes the plan, `CHECK_CONCURRENCY` analyses at a time. The start's runs are the same
 * requests in every check (fixed proof key, same repetition tags), so after the first check
 * anywhere the service answers them from its result cache, and `startCache` keeps them per page.
 */
export async function runNeeds(
  needs: readonly RunNeed[],
  input: Pick<CheckInput, 'current' | 'start' | 'checks'>,
  analyze: Analyzer,
  opts: CheckOptions = {},
): Promise<RunResults> {
  const results = new RunResults();
  const total = needs.reduce((n, need) => n + need.runs, 0);
  const currentKey = opts.proofKey ?? newProofKey();
  const hidden = hiddenBenchmarks(input.checks ?? []);
  let done = 0;
  const pending: { need: RunNeed; runs: Promise<AnalyzeResponse>[] }[] = [];
  const tasks: (() => Promise<AnalyzeResponse>)[] = [];
  for (const need of needs) {
    const key = RunResults.key(need.who, need.variant);
    const cached = need.who === 'start' ? opts.startCache?.get(key) : undefined;
    if (cached && cached.length >= need.runs) {
      results.set(need.who, need.variant, cached.slice(0, need.runs));
      done += need.runs;
      continue;
    }
    const code = need.who === 'current' ? input.current : input.start;
    const proofKey = need.who === 'current' ? currentKey : START_KEY;
    const bench = need.variant.mode === 'bench';
    const files = bench ? benchFiles(code, input, proofKey) : code;
    const runs: Promise<AnalyzeResponse>[] = [];
    for (let rep = 0; rep < need.runs; rep++) {
      const settled = Promise.withResolvers<AnalyzeResponse>();
      runs.push(settled.promise);
      tasks.push(async () => {
        opts.onProgress?.(done, total, label(need, rep, opts.locale));
        try {
          const req = toRequest(files, need.variant, rep);
          // The start is the exercise's own code: one clean run of it serves every check.
          const r = await analyze(need.who === 'start' ? { ...req, reuse: true } : req);
          const { response, problem } = bench
            ? authenticateBench(r, proofKey, hidden)
            : { response: r };
          if (problem) results.setProblem(response, problem);
          done++;
          settled.resolve(response);
          return response;
        } catch (e) {
          settled.reject(e);
          throw e;
        }
      });
    }
    pending.push({ need, runs });
  }
  // Attach handlers before the pool runs, so a failed run is never an unhandled rejection.
  const all = pending.map(async ({ need, runs }) => {
    const got = await Promise.all(runs);
    results.set(need.who, need.variant, got);
    if (need.who === 'start') opts.startCache?.set(RunResults.key(need.who, need.variant), got);
  });
  const settledAll = Promise.allSettled(all);
  await pool(tasks, opts.concurrency ?? CHECK_CONCURRENCY);
  for (const s of await settledAll) if (s.status === 'rejected') throw s.reason;
  return results;
}

/** Checks every goal; the report lists them in the exercise's order. */
export async function checkExercise(
  input: CheckInput,
  analyze: Analyzer,
  opts: CheckOptions = {},
): Promise<CheckReport> {
  const results = await runNeeds(planRuns(input.goals, input.base), input, analyze, opts);
  const ctx = { base: input.base, files: input.current, startFiles: input.start, results };
  const goals = input.goals.map((goal) => ({ goal, ...evaluateGoal(goal, ctx) }));
  return {
    goals,
    allMet: goals.every((g) => g.met),
    current: results.first('current', input.base),
  };
}

/** The exercise's own options as a variant. */
export function baseVariant(ex: {
  mode: Variant['mode'];
  escapeDetail: 1 | 2;
  inline: boolean;
  env: Variant['env'];
}): Variant {
  return { mode: ex.mode, escapeDetail: ex.escapeDetail, inline: ex.inline, env: ex.env };
}
