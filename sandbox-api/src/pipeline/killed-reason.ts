import type { LaunchResult } from '../sandbox/launch.ts';
import type { StepLimits } from './step-limits.ts';

/** A plain-language sentence for a program the sandbox stopped, or undefined. */
export function killedReason(
  r: LaunchResult,
  limits: StepLimits,
  what = 'program',
): string | undefined {
  // Memory first: a job thrashing at its memory limit can also run into the clock.
  if (r.outOfMemory) {
    return `The ${what} was killed because it used more than ${mib(limits.memoryBytes)} of memory (the limit here).`;
  }
  if (r.timedOut) {
    return `The ${what} was stopped after ${limits.wallMs / 1000} s: that is the wall-clock limit here (an endless loop or a long sleep?).`;
  }
  if (r.stdout.truncated) {
    return `The ${what} was stopped because it wrote more than ${mib(limits.stdoutCap)} to stdout; the output shown is cut there.`;
  }
  if (r.stderr.truncated) {
    return `The ${what} was stopped because it wrote too much to stderr; the output shown is cut there.`;
  }
  if (r.pidsLimitHit) {
    return `The ${what} tried to create more than ${limits.pids} processes or threads (the limit here).`;
  }
  return undefined;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}
