/** How a check schedules its analyses: side by side, at most CHECK_CONCURRENCY in flight. */
import { describe, expect, it } from 'vitest';
import type { AnalyzeRequest, AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { CHECK_CONCURRENCY, runNeeds } from '../../../src/lib/exercises/check.ts';
import { GoalSchema } from '../../../src/lib/exercises/goal-schema.ts';
import { planRuns } from '../../../src/lib/exercises/plan.ts';
import type { Variant } from '../../../src/lib/exercises/variant.ts';

const base: Variant = { mode: 'build', escapeDetail: 2, inline: true, env: {} };
const goals = [
  { type: 'check-metric', metric: 'gc-cycles', op: '<=', ofStart: 0.5, runs: 3, says: 'fewer' },
  { type: 'output-unchanged', says: 'same' },
].map((g) => GoalSchema.parse(g));
const file = (content: string) => [{ name: 'main.go', content }];
const input = {
  current: file('package main // mine'),
  start: file('package main // start'),
  checks: [],
};

/** An analyzer that answers after a turn of the event loop and records what overlapped. */
function recorder() {
  let inFlight = 0;
  const seen = { most: 0, overlapped: false, calls: [] as string[], reused: [] as string[] };
  const analyze = async (req: AnalyzeRequest): Promise<AnalyzeResponse> => {
    const who = (req.files?.[0]?.content ?? '').includes('mine') ? 'current' : 'start';
    seen.calls.push(`${who}:${req.mode}`);
    if (req.reuse) seen.reused.push(who);
    inFlight++;
    seen.most = Math.max(seen.most, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    if (inFlight > 1) seen.overlapped = true;
    inFlight--;
    return { ok: true, request: req } as unknown as AnalyzeResponse;
  };
  return { analyze, seen };
}

describe('runNeeds', () => {
  it('keeps CHECK_CONCURRENCY analyses in flight and files every result under its run', async () => {
    const { analyze, seen } = recorder();
    const results = await runNeeds(planRuns(goals, base), input, analyze);
    expect(seen.most).toBe(CHECK_CONCURRENCY);
    expect(seen.calls).toHaveLength(1 + 3 + 3 + 2);
    // Only the start's runs may come from the service's cache: it is the same code every check.
    expect(seen.reused).toEqual(['start', 'start', 'start', 'start']);
    const benchV = { ...base, mode: 'bench' as const };
    const mine = results.all('current', benchV)!;
    expect(
      mine.map((r) => (r as unknown as { request: AnalyzeRequest }).request.files?.[0]?.content),
    ).toEqual([
      expect.stringContaining('// mine'),
      expect.stringContaining('// repetition 2'),
      expect.stringContaining('// repetition 3'),
    ]);
    expect(results.all('start', benchV)).toHaveLength(3);
  });

  it('runs one at a time when asked, reuses the cached start, and stops at a failure', async () => {
    const { analyze, seen } = recorder();
    const startCache = new Map<string, AnalyzeResponse[]>();
    await runNeeds(planRuns(goals, base), input, analyze, { concurrency: 1, startCache });
    expect(seen.most).toBe(1);
    const again = recorder();
    await runNeeds(planRuns(goals, base), input, again.analyze, { startCache });
    expect(again.seen.calls.every((c) => c.startsWith('current'))).toBe(true);
    let calls = 0;
    const failing = (): Promise<AnalyzeResponse> => {
      calls++;
      return Promise.reject(new Error('unreachable'));
    };
    await expect(runNeeds(planRuns(goals, base), input, failing)).rejects.toThrow('unreachable');
    expect(calls).toBeLessThanOrEqual(CHECK_CONCURRENCY);
  });
});
