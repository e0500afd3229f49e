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
import { evaluateGoal, type GoalVerdict } from './evaluate-goal.ts';
import type { Goal } from './goal-schema.ts';
import { planRuns, type RunNeed } from './plan.ts';
import { RunResults } from './results.ts';
import { toRequest, type Variant } from './variant.ts';

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
 * the hidden checks.
 */
export function benchFiles(
  code: readonly SourceFile[],
  input: Pick<CheckInput, 'start' | 'checks'>,
): SourceFile[] {
  return [
    ...code.filter((f) => !isTest(f)),
    ...input.start.filter(isTest),
    ...(input.checks ?? []),
  ];
}

export interface CheckOptions {
  /** Results of the start version by run key, reused across checks of the same exercise. */
  startCache?: Map<string, AnalyzeResponse[]>;
  /** Called before each analysis with a short description and the count so far. */
  onProgress?: (done: number, total: number, label: string) => void;
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

function label(need: RunNeed, rep: number): string {
  const whose = need.who === 'current' ? 'your code' : 'the start version';
  return need.runs > 1 ? `${whose}, run ${rep + 1} of ${need.runs}` : whose;
}

/** Executes the plan one analysis at a time: the sandbox is shared, so a check must not flood it. */
export async function runNeeds(
  needs: readonly RunNeed[],
  input: Pick<CheckInput, 'current' | 'start' | 'checks'>,
  analyze: Analyzer,
  opts: CheckOptions = {},
): Promise<RunResults> {
  const results = new RunResults();
  const total = needs.reduce((n, need) => n + need.runs, 0);
  let done = 0;
  for (const need of needs) {
    const key = RunResults.key(need.who, need.variant);
    const cached = need.who === 'start' ? opts.startCache?.get(key) : undefined;
    if (cached && cached.length >= need.runs) {
      results.set(need.who, need.variant, cached.slice(0, need.runs));
      done += need.runs;
      continue;
    }
    const runs: AnalyzeResponse[] = [];
    const code = need.who === 'current' ? input.current : input.start;
    const files = need.variant.mode === 'bench' ? benchFiles(code, input) : code;
    for (let rep = 0; rep < need.runs; rep++) {
      opts.onProgress?.(done, total, label(need, rep));
      runs.push(await analyze(toRequest(files, need.variant, rep)));
      done++;
    }
    results.set(need.who, need.variant, runs);
    if (need.who === 'start') opts.startCache?.set(key, runs);
  }
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
