/**
 * Every workshop exercise on the real toolchain: its solution meets every goal, its start fails
 * at least one (otherwise there is nothing to do), and so does every cheat fixture in its
 * `cheats/` folder (a way to get the tick without the lesson; see support/cheats.ts) and every
 * path its hints rule out (`dead-ends/`). Goals are judged exactly as in the
 * browser, through the same checker, with the in-process service as the analyzer. The figures
 * and compiler messages the texts state about the start (`startFacts`) are judged on the start's
 * runs that check already made, so they cost no extra toolchain run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyzeRequestSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../../sandbox-api/src/dev-state-dir.ts';
import { createService, type Service } from '../../sandbox-api/src/service.ts';
import {
  baseVariant,
  checkExercise,
  type Analyzer,
  type CheckReport,
} from '../../src/lib/exercises/check.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';
import { renderReason } from '../../src/lib/exercises/reason.ts';
import { judgeStartFact } from '../../src/lib/exercises/start-facts.ts';
import { loadCheats, loadDeadEnds } from './support/cheats.ts';

const exercises = loadExercises();
let service: Service;
const analyze: Analyzer = (req) => service.analyze(AnalyzeRequestSchema.parse(req));

beforeAll(async () => {
  service = await createService({ stateDir: devStateDir(), log: () => {} });
  await service.warm();
});
afterAll(async () => {
  await service?.close();
});

function summary(report: CheckReport): string {
  return report.goals
    .map(
      (g) => `  ${g.met ? 'met' : 'NOT met'}: ${g.goal.says}\n    ${renderReason('en', g.reason)}`,
    )
    .join('\n');
}

describe.each(exercises.map((ex) => [ex.slug, ex] as const))('exercise %s', (slug, ex) => {
  const startCache = new Map<string, AnalyzeResponse[]>();
  const base = baseVariant(ex);

  it('solution meets every goal', async () => {
    const report = await checkExercise(
      { goals: ex.goals, base, current: ex.solution, start: ex.start, checks: ex.checks },
      analyze,
      { startCache },
    );
    expect(report.allMet, `${slug} (chapter ${ex.chapter}) solution:\n${summary(report)}`).toBe(
      true,
    );
  });

  // Every analysis of the start's own check, kept for the start facts below.
  const startRuns: AnalyzeResponse[] = [];

  it('start fails at least one goal', async () => {
    const report = await checkExercise(
      { goals: ex.goals, base, current: ex.start, start: ex.start, checks: ex.checks },
      async (req) => {
        const r = await analyze(req);
        startRuns.push(r);
        return r;
      },
      { startCache },
    );
    expect(
      report.allMet,
      `${slug} (chapter ${ex.chapter}) start meets every goal:\n${summary(report)}`,
    ).toBe(false);
  });

  it.each(
    ex.startFacts.map(
      (f) => [f.type === 'figure' ? `${f.benchmark} ${f.metric}` : f.message, f] as const,
    ),
  )('start shows what its texts state: %s', (_, fact) => {
    const runs = {
      build: startRuns.find((r) => r.request.mode === 'build'),
      // Each repetition of the bench variant: medians, for figures that vary per run.
      bench: startRuns.filter((r) => r.request.mode === 'bench'),
    };
    const v = judgeStartFact(fact, runs);
    expect(v.met, `${slug}: ${v.reason}`).toBe(true);
  });

  const cheats = loadCheats(slug);
  it.each(cheats.map((c) => [c.kind, c] as const))('cheat %s fails a goal', async (kind, c) => {
    const report = await checkExercise(
      { goals: ex.goals, base, current: c.files, start: ex.start, checks: ex.checks },
      analyze,
      { startCache },
    );
    expect(report.allMet, `${slug} cheat ${kind} meets every goal:\n${summary(report)}`).toBe(
      false,
    );
  });

  const deadEnds = loadDeadEnds(slug);
  it.each(deadEnds.map((d) => [d.kind, d] as const))(
    'dead end %s (a path its hints rule out) fails a goal',
    async (kind, d) => {
      const report = await checkExercise(
        { goals: ex.goals, base, current: d.files, start: ex.start, checks: ex.checks },
        analyze,
        { startCache },
      );
      expect(report.allMet, `${slug} dead end ${kind} meets every goal:\n${summary(report)}`).toBe(
        false,
      );
    },
  );
});
