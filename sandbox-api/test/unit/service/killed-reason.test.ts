/**
 * killedReason turns the sandbox's verdict into the sentence a learner reads. Each limit must
 * name itself (an OOM never reads as a timeout), and when two fire at once the one that caused
 * the kill is named: a job thrashing at its memory limit also runs into the clock.
 */
import { describe, expect, it } from 'vitest';
import { killedReason } from '../../../src/pipeline/killed-reason.ts';
import type { LaunchResult } from '../../../src/sandbox/launch.ts';
import type { StepLimits } from '../../../src/pipeline/step-limits.ts';

const limits: StepLimits = {
  wallMs: 5_000,
  memoryBytes: 256 * 1024 * 1024,
  pids: 64,
  fileBytes: 16 * 1024 * 1024,
  stdoutCap: 1024 * 1024,
  stderrCap: 1024 * 1024,
};

const clean: LaunchResult = {
  exitCode: 0,
  signal: null,
  stdout: { text: '', truncated: false },
  stderr: { text: '', truncated: false },
  wallMs: 10,
  cpuMs: 5,
  timedOut: false,
  aborted: false,
  outOfMemory: false,
  pidsLimitHit: false,
};

const with_ = (patch: Partial<LaunchResult>): LaunchResult => ({ ...clean, ...patch });

describe('killedReason', () => {
  it('says nothing for a program that ended by itself', () => {
    expect(killedReason(clean, limits)).toBeUndefined();
  });

  it('names the memory limit, in MiB, for an OOM kill', () => {
    const s = killedReason(with_({ outOfMemory: true, signal: 'SIGKILL' }), limits);
    expect(s).toContain('more than 256 MiB of memory');
    expect(s).not.toMatch(/wall-clock|stopped after/);
  });

  it('names the wall clock, in seconds, for a timeout', () => {
    const s = killedReason(with_({ timedOut: true, signal: 'SIGKILL' }), limits);
    expect(s).toContain('stopped after 5 s');
    expect(s).not.toMatch(/memory/);
  });

  it('names memory when both memory and the clock fired', () => {
    const s = killedReason(with_({ outOfMemory: true, timedOut: true }), limits);
    expect(s).toMatch(/memory/);
    expect(s).not.toMatch(/wall-clock/);
  });

  it('names the output caps and the process limit', () => {
    const out = with_({ stdout: { text: 'x', truncated: true } });
    expect(killedReason(out, limits)).toContain('more than 1 MiB to stdout');
    const err = with_({ stderr: { text: 'x', truncated: true } });
    expect(killedReason(err, limits)).toContain('too much to stderr');
    expect(killedReason(with_({ pidsLimitHit: true }), limits)).toContain('more than 64 processes');
  });

  it('says which tool it stopped', () => {
    expect(killedReason(with_({ timedOut: true }), limits, 'compiler')).toMatch(/^The compiler/);
  });
});
