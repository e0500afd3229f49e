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
  /** Repetitions; GC comparisons need several because cycle counts vary between runs. */
  runs: number;
}

/** GC and output goals judge a run, whatever mode the exercise compiles in. */
export function runVariant(base: Variant): Variant {
  return applyOverride(base, { mode: 'run' });
}

/** The variant a goal's verdict is read from (the learner's code). */
export function goalVariant(goal: Goal, base: Variant): Variant {
  switch (goal.type) {
    case 'fewer-gc-cycles-than-start':
    case 'output-unchanged':
      return runVariant(base);
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
    case 'fewer-gc-cycles-than-start':
      return [
        { who: 'current', variant: v, runs: goal.runs },
        { who: 'start', variant: v, runs: goal.runs },
      ];
    case 'output-unchanged':
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
