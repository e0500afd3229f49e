/**
 * Where a workshop check's time goes, measured, not asserted:
 * `npx node scripts/bench-exercise-check.ts [slug=no-forced-gc] [trials=1]`.
 *
 * Checks the exercise's solution through `checkExercise` with the in-process service, one
 * analysis at a time and then CHECK_CONCURRENCY at a time, each twice: a first check (nothing
 * cached: the start runs too) and a later one (the start's runs answered from the service's
 * result cache, as for every learner after the first). Prints the wall time, the sum of each
 * kind of analysis (who × mode, with compile/link/run as the service measured them), and the
 * ratio of the concurrent to the one-at-a-time wall time.
 */
import { randomUUID } from 'node:crypto';
import { AnalyzeRequestSchema, type SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { createService } from '../sandbox-api/src/service.ts';
import {
  baseVariant,
  CHECK_CONCURRENCY,
  checkExercise,
  type Analyzer,
} from '../src/lib/exercises/check.ts';
import { loadExercises } from '../src/lib/exercises/load.ts';

const slug = process.argv[2] ?? 'no-forced-gc';
const trials = Number(process.argv[3] ?? 1);
const ex = loadExercises().find((e) => e.slug === slug);
if (!ex) throw new Error(`no exercise ${slug}`);
const service = await createService({ log: () => {} });
await service.warm();

// A comment no other run has, so the service's cache cannot answer what is being measured.
const fresh = (files: SourceFile[], tag: string) =>
  files.map((f, i) => (i === 0 ? { ...f, content: `${f.content}\n// bench ${tag}\n` } : f));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function check(concurrency: number, start: SourceFile[], current: SourceFile[]) {
  const kinds = new Map<string, { n: number; total: number; compile: number; run: number }>();
  const analyze: Analyzer = async (req) => {
    const r = await service.analyze(AnalyzeRequestSchema.parse(req));
    const k = `${(req.files?.[0]?.content ?? '').includes('// bench start') ? 'start' : 'yours'} ${req.mode}`;
    const t = kinds.get(k) ?? { n: 0, total: 0, compile: 0, run: 0 };
    t.n++;
    t.total += r.timing.totalMs;
    t.compile += r.timing.compileMs + r.timing.linkMs;
    t.run += r.timing.runMs;
    kinds.set(k, t);
    return r;
  };
  const t0 = performance.now();
  const report = await checkExercise(
    { goals: ex!.goals, base: baseVariant(ex!), current, start, checks: ex!.checks },
    analyze,
    { concurrency },
  );
  const wall = performance.now() - t0;
  if (!report.allMet) throw new Error('the solution did not meet every goal');
  return { wall, kinds };
}

const walls: Record<string, number[]> = {};
for (let trial = 0; trial < trials; trial++) {
  for (const concurrency of [1, CHECK_CONCURRENCY]) {
    const tag = randomUUID();
    const start = fresh(ex.start, `start ${tag}`);
    for (const phase of ['first check', 'later check'] as const) {
      const { wall, kinds } = await check(
        concurrency,
        start,
        fresh(ex.solution, `${phase} ${tag}`),
      );
      (walls[`${concurrency} ${phase}`] ??= []).push(wall);
      console.log(`${slug}, ${concurrency} at a time, ${phase}: ${s(wall)}`);
      for (const [k, t] of kinds)
        console.log(
          `  ${k} ×${t.n}: ${s(t.total)} in total (compile+link ${s(t.compile)}, run ${s(t.run)})`,
        );
    }
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const phase of ['first check', 'later check']) {
  const one = med(walls[`1 ${phase}`]!);
  const many = med(walls[`${CHECK_CONCURRENCY} ${phase}`]!);
  console.log(`${phase}: ${s(many)} vs ${s(one)} one at a time = ${(many / one).toFixed(2)}×`);
}
await service.close();
