import { describe, expect, it } from 'vitest';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { planRuns } from '../../../src/lib/exercises/plan.ts';
import { toRequest, variantKey, type Variant } from '../../../src/lib/exercises/variant.ts';

const base: Variant = { mode: 'build', escapeDetail: 2, inline: true, env: { GOMAXPROCS: '1' } };
const goals = [
  { type: 'no-heap-at-marker', says: 'stack' },
  { type: 'check-metric', metric: 'gc-cycles', op: '<=', ofStart: 0.5, runs: 3, says: 'fewer' },
  { type: 'output-unchanged', says: 'same' },
  {
    type: 'bench',
    benchmark: 'BenchmarkX',
    metric: 'allocsPerOp',
    op: '<=',
    value: 0,
    with: { mode: 'bench' },
    says: 'zero',
  },
].map((g) => GoalSchema.parse(g));

describe('planRuns', () => {
  it('runs each variant once, with the most repetitions any goal needs, and the start only when compared', () => {
    const plan = planRuns(goals, base).map((n) => [n.who, n.variant.mode, n.runs, n.variant.env]);
    expect(plan).toEqual([
      ['current', 'build', 1, { GOMAXPROCS: '1' }],
      ['start', 'build', 1, { GOMAXPROCS: '1' }],
      ['current', 'bench', 3, { GOMAXPROCS: '1' }],
      ['start', 'bench', 3, { GOMAXPROCS: '1' }],
      ['current', 'run', 1, { GOMAXPROCS: '1' }],
      ['start', 'run', 1, { GOMAXPROCS: '1' }],
    ]);
  });
});

describe('variants', () => {
  it('key equal variants equally whatever the env order', () => {
    expect(variantKey({ ...base, env: { GOGC: '50', GOMAXPROCS: '1' } })).toBe(
      variantKey({ ...base, env: { GOMAXPROCS: '1', GOGC: '50' } }),
    );
  });

  it('make repetitions distinct requests without moving any line', () => {
    const files = [{ name: 'main.go', content: 'package main\n' }];
    const again = toRequest(files, base, 1);
    expect(again.files?.[0]?.content.startsWith('package main\n')).toBe(true);
    expect(again.files?.[0]?.content).not.toBe(files[0]!.content);
    expect(toRequest(files, base, 0).files).toEqual(files);
  });
});
