/** What judging a goal produces, the context it is judged in, and why a result is unusable. */
import type { AnalyzeResponse, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { reason, type Reason } from './reason.ts';
import type { RunResults } from './results.ts';
import type { Variant } from './variant.ts';

export interface GoalVerdict {
  met: boolean;
  /** Why, quoting the compiler or runtime; rendered in the page's language (reason.ts). */
  reason: Reason;
  /** How a statistical goal was judged (runs, medians, knobs); absent for compile-time goals. */
  judgedBy?: Reason;
  /**
   * There was no evidence to judge by (a run that reported nothing, a start version that did
   * not run); never met, and the page says so instead of "not met".
   */
  cannotJudge?: true;
}

export function cannotJudge(why: Reason): GoalVerdict {
  return { met: false, cannotJudge: true, reason: why };
}

export interface GoalContext {
  /** The exercise's own options. */
  base: Variant;
  /** The learner's code as checked. */
  files: readonly SourceFile[];
  /** The exercise's start code: its markers name what a goal is about. */
  startFiles: readonly SourceFile[];
  results: RunResults;
}

/** "your code" or "the start version", as a reason's `what`. */
export const YOURS = reason('yours');
export const START = reason('start');

export const baseName = (f: string) => f.replace(/^.*\//, '');

/** Why a result cannot be judged at all (compile error, crash), or undefined when it can. */
export function unusable(r: AnalyzeResponse | undefined, what: Reason): Reason | undefined {
  if (!r) return reason('notAnalysed', { what });
  if (!r.ok) {
    const e = r.compileErrors[0];
    return e
      ? reason('compileErrorAt', { what, file: baseName(e.file), line: e.line, message: e.message })
      : reason('compileError', { what });
  }
  if (r.run?.killedReason) return reason('stopped', { what, why: r.run.killedReason });
  if (r.run && r.run.exitCode !== 0) {
    const stderr = r.run.stderr.text.trim().split('\n')[0] ?? '';
    const status = r.run.exitCode ?? r.run.signal ?? '';
    return stderr
      ? reason('exitedSaying', { what, status, stderr })
      : reason('exited', { what, status });
  }
  return undefined;
}
