/**
 * Margins of the exercises' runtime goals (`check-metric`), measured, not asserted:
 * `npx node scripts/exercise-margins.ts [reps=20] [slug-prefix]`.
 *
 * Each repetition is one check as the workshop runs it: `runs` runs of the start and of the
 * solution taken together, medians compared. For every goal it prints how often the solution
 * met it and the start failed it (both must be every time), and the ratio of each median to
 * the threshold, so the distance from the edge can be read. Uses the in-process service with
 * the shared warm cache (GML_STATE_DIR).
 */
import { AnalyzeRequestSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { createService } from '../sandbox-api/src/service.ts';
import { baseVariant, benchFiles } from '../src/lib/exercises/check.ts';
import { evaluateGoal } from '../src/lib/exercises/evaluate-goal.ts';
import { loadExercises } from '../src/lib/exercises/load.ts';
import { benchVariant } from '../src/lib/exercises/plan.ts';
import { RunResults } from '../src/lib/exercises/results.ts';
import { toRequest } from '../src/lib/exercises/variant.ts';

const reps = Number(process.argv[2] ?? 20);
const only = process.argv[3] ?? '';
const service = await createService({ log: () => {} });
await service.warm();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = (t: { sol: number[]; st: number[] }) => t.sol.map((s, i) => s / t.st[i]!);
const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

for (const ex of loadExercises()) {
  const goals = ex.goals.filter((g) => g.type === 'check-metric');
  if (goals.length === 0 || !ex.slug.startsWith(only)) continue;
  const base = baseVariant(ex);
  const v = benchVariant(base);
  const runs = Math.max(...goals.map((g) => g.runs));
  const tally = goals.map(() => ({
    solutionMet: 0,
    startFailed: 0,
    sol: [] as number[],
    st: [] as number[],
  }));
  for (let rep = 0; rep < reps; rep++) {
    const take = async (code: typeof ex.start): Promise<AnalyzeResponse[]> => {
      const out: AnalyzeResponse[] = [];
      for (let i = 0; i < runs; i++) {
        // A distinct request per run so the result cache cannot answer twice.
        const req = toRequest(benchFiles(code, ex), v, rep * runs + i + 1);
        out.push(await service.analyze(AnalyzeRequestSchema.parse(req)));
      }
      return out;
    };
    const start = await take(ex.start);
    const solution = await take(ex.solution);
    goals.forEach((goal, gi) => {
      const judge = (current: AnalyzeResponse[]) => {
        const results = new RunResults();
        results.set('start', v, start);
        results.set('current', v, current);
        return evaluateGoal(goal, { base, files: ex.solution, startFiles: ex.start, results });
      };
      const metric = (r: AnalyzeResponse) =>
        r.bench?.results.find((b) => b.name === goal.benchmark)?.extra[goal.metric] ?? NaN;
      const t = tally[gi]!;
      if (judge(solution).met) t.solutionMet++;
      if (!judge(start).met) t.startFailed++;
      t.sol.push(median(solution.map(metric)));
      t.st.push(median(start.map(metric)));
    });
    process.stderr.write(`${ex.slug}: repetition ${rep + 1} of ${reps}\n`);
  }
  goals.forEach((goal, gi) => {
    const t = tally[gi]!;
    const limit = goal.value !== undefined ? `${goal.value}` : `${goal.ofStart} × start median`;
    console.log(
      [
        `${ex.slug} — ${goal.metric} ${goal.op} ${limit} (medians of ${runs} runs, ${reps} checks)`,
        `  solution met it ${t.solutionMet}/${reps}; start failed it ${t.startFailed}/${reps}`,
        `  solution medians ${fmt(Math.min(...t.sol))}..${fmt(Math.max(...t.sol))}; start medians ${fmt(Math.min(...t.st))}..${fmt(Math.max(...t.st))}`,
        ...(goal.ofStart !== undefined
          ? [
              `  solution/start ratio ${fmt(Math.min(...ratios(t)))}..${fmt(Math.max(...ratios(t)))} against ${goal.ofStart}`,
            ]
          : []),
      ].join('\n'),
    );
  });
}
await service.close();
