/**
 * Which analyses a set of goals needs: the learner's code under each variant the goals name,
 * and the start version where a goal compares against it. Pure; the checker executes it.
 */
import type { Goal } from './goal-schema.ts';
import { applyOverride, variantKey, type Variant } from './variant.ts';

/** A single GC figure varies between runs: judge it by the majority of this many. */
export const GC_CLAIM_RUNS = 3;

export type Who = 'current' | 'start';

export interface RunNeed {
  who: Who;
  variant: Variant;
  /** Repetitions; runtime figures need several because they vary between runs. */
  runs: number;
}

/** GC and output goals judge a run, whatever mode the exercise compiles in. */
export function runVariant(base: Variant): Variant {
  return applyOverride(base, { mode: 'run' });
}

/** Hidden checks and their figures come from `go test -bench` under the exercise's knobs. */
export function benchVariant(base: Variant): Variant {
  return applyOverride(base, { mode: 'bench' });
}

/** The variant a goal's verdict is read from (the learner's code). */
export function goalVariant(goal: Goal, base: Variant): Variant {
  switch (goal.type) {
    case 'output-unchanged':
      return runVariant(base);
    case 'checks-pass':
    case 'check-metric':
      return benchVariant(base);
    case 'no-heap-at-marker':
    case 'param-does-not-leak':
      return base;
    default:
      return applyOverride(base, goal.with);
  }
}

function needsOf(goal: Goal, base: Variant): RunNeed[] {
  const v = goalVariant(goal, base);
  switch (goal.type) {
    case 'check-metric':
      return [
        { who: 'current', variant: v, runs: goal.runs },
        ...(goal.ofStart !== undefined
          ? [{ who: 'start' as const, variant: v, runs: goal.runs }]
          : []),
      ];
    case 'output-unchanged':
      return [
        { who: 'current', variant: v, runs: 1 },
        { who: 'start', variant: v, runs: 1 },
      ];
    case 'no-heap-at-marker':
      // The start's heap decisions name the targets and the count to compare with.
      return [
        { who: 'current', variant: v, runs: 1 },
        { who: 'start', variant: v, runs: 1 },
      ];
    case 'gc-compare':
      return [
        { who: 'current', variant: v, runs: 1 },
        { who: 'current', variant: applyOverride(v, goal.than), runs: 1 },
      ];
    case 'gc':
      return [{ who: 'current', variant: v, runs: GC_CLAIM_RUNS }];
    default:
      return [{ who: 'current', variant: v, runs: 1 }];
  }
}

/** Every analysis the goals need, once each, with the most repetitions any goal asked for. */
export function planRuns(goals: readonly Goal[], base: Variant): RunNeed[] {
  const byKey = new Map<string, RunNeed>();
  for (const need of [
    { who: 'current' as const, variant: base, runs: 1 },
    ...goals.flatMap((g) => needsOf(g, base)),
  ]) {
    const key = `${need.who}:${variantKey(need.variant)}`;
    const prev = byKey.get(key);
    if (!prev || prev.runs < need.runs) byKey.set(key, need);
  }
  return [...byKey.values()];
}
