/**
 * A step stopped by a sandbox limit carries a stable code (`killed`) beside the English sentence,
 * and the site words it from the catalogue: the English catalogue says exactly what the service
 * says, and the Chinese edition says it in Chinese with the same limit.
 */
import { describe, expect, test } from 'vitest';
import { RunResultSchema } from '@go-memory-lab/sandbox-api/protocol';
import { killedCode, killedReason } from '../../../sandbox-api/src/pipeline/killed-reason.ts';
import type { LaunchResult } from '../../../sandbox-api/src/sandbox/launch.ts';
import type { StepLimits } from '../../../sandbox-api/src/pipeline/step-limits.ts';
import { killedText, renderRun } from '../../../src/components/snippet/render-run.ts';

const LIMITS: StepLimits = {
  wallMs: 10_000,
  memoryBytes: 256 * 1024 * 1024,
  pids: 64,
  fileBytes: 64 * 1024 * 1024,
  stdoutCap: 1024 * 1024,
  stderrCap: 1024 * 1024,
};

const ok: LaunchResult = {
  exitCode: 0,
  signal: null,
  stdout: { text: '', truncated: false },
  stderr: { text: '', truncated: false },
  wallMs: 5,
  cpuMs: 4,
  timedOut: false,
  aborted: false,
  outOfMemory: false,
  pidsLimitHit: false,
};

const cases: [string, Partial<LaunchResult>][] = [
  ['memory', { outOfMemory: true, exitCode: null, signal: 'SIGKILL' }],
  ['time', { timedOut: true, exitCode: null, signal: 'SIGKILL' }],
  ['stdout', { stdout: { text: 'x', truncated: true } }],
  ['stderr', { stderr: { text: 'x', truncated: true } }],
  ['pids', { pidsLimitHit: true }],
];

describe.each(cases)('a %s limit', (code, hit) => {
  const r = { ...ok, ...hit };

  test('gets a code, and the English catalogue words it as the service does', () => {
    const killed = killedCode(r, LIMITS, 'benchmark');
    expect(killed?.code).toBe(code);
    expect(killedText(killed!, 'en')).toBe(killedReason(r, LIMITS, 'benchmark'));
  });

  test('is shown in Chinese on the Chinese edition', () => {
    const killed = killedCode(r, LIMITS)!;
    const run = RunResultSchema.parse({
      exitCode: r.exitCode,
      signal: r.signal,
      stdout: r.stdout,
      stderr: r.stderr,
      wallMs: 5,
      cpuMs: 4,
      timedOut: r.timedOut,
      outOfMemory: r.outOfMemory,
      killedReason: killedReason(r, LIMITS),
      killed,
    });
    const html = renderRun(run, 'zh');
    expect(html).toMatch(/程序|已被/);
    expect(html).not.toContain('The program');
  });
});

test('a clean exit has no code', () => {
  expect(killedCode(ok, LIMITS)).toBeUndefined();
});
