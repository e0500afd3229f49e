import type { Killed } from '../protocol.ts';
import type { LaunchResult } from '../sandbox/launch.ts';
import type { StepLimits } from './step-limits.ts';

/**
 * Which limit stopped a step, as the wire's stable code (`Killed`), or undefined. The one place
 * that decides; `killedReason` words the same verdict in English for older clients and logs.
 */
export function killedCode(
  r: LaunchResult,
  limits: StepLimits,
  what: Killed['step'] = 'program',
): Killed | undefined {
  // Memory first: a job thrashing at its memory limit can also run into the clock.
  if (r.outOfMemory) return { code: 'memory', step: what, limit: limits.memoryBytes };
  if (r.timedOut) return { code: 'time', step: what, limit: limits.wallMs };
  if (r.stdout.truncated) return { code: 'stdout', step: what, limit: limits.stdoutCap };
  if (r.stderr.truncated) return { code: 'stderr', step: what, limit: limits.stderrCap };
  if (r.pidsLimitHit) return { code: 'pids', step: what, limit: limits.pids };
  return undefined;
}

/** A plain-language sentence for a program the sandbox stopped, or undefined. */
export function killedReason(
  r: LaunchResult,
  limits: StepLimits,
  what: Killed['step'] = 'program',
): string | undefined {
  const k = killedCode(r, limits, what);
  switch (k?.code) {
    case undefined:
      return undefined;
    case 'memory':
      return `The ${what} was killed because it used more than ${mib(limits.memoryBytes)} of memory (the limit here).`;
    case 'time':
      return `The ${what} was stopped after ${limits.wallMs / 1000} s: that is the wall-clock limit here (an endless loop or a long sleep?).`;
    case 'stdout':
      return `The ${what} was stopped because it wrote more than ${mib(limits.stdoutCap)} to stdout; the output shown is cut there.`;
    case 'stderr':
      return `The ${what} was stopped because it wrote too much to stderr; the output shown is cut there.`;
    case 'pids':
      return `The ${what} tried to create more than ${limits.pids} processes or threads (the limit here).`;
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}
