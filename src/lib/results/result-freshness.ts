/**
 * The one rule of issue 14: a result is shown only together with the code and options that
 * produced it, and whatever differs from what is on screen now is named. Every client (snippet,
 * playground) asks this function, so "out of date" means the same thing everywhere.
 */
import type { AnalyzeResponse, RunEnv, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { sameFile } from './same-file.ts';

/** What a reader can change between a result and now. */
export type StaleReason = 'code' | 'mode' | 'escapeDetail' | 'inline' | 'env' | 'toolchain';

/** The options on screen, in request terms. */
export interface OptionsOnScreen {
  mode: AnalyzeResponse['request']['mode'];
  escapeDetail: 1 | 2;
  inline: boolean;
  env: RunEnv;
  /** Omitted: the page does not choose one (the service default), so it cannot differ. */
  toolchain?: string;
}

/** Env as the service applies it: an empty value is the runtime default, i.e. not set. */
function envKey(env: RunEnv): string {
  return JSON.stringify(
    Object.entries(env)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()])
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
}

function sameFiles(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  return (
    a.length === b.length &&
    a.every((f) => b.some((g) => sameFile(g.name, f.name) && g.content === f.content))
  );
}

/**
 * Why `produced` (the request a result echoes back) is not the result of `files` with
 * `options`; an empty list means the result is current.
 */
export function staleReasons(
  produced: AnalyzeResponse['request'],
  files: readonly SourceFile[],
  options: OptionsOnScreen,
): StaleReason[] {
  const reasons: StaleReason[] = [];
  if (!sameFiles(produced.files, files)) reasons.push('code');
  if (produced.mode !== options.mode) reasons.push('mode');
  if (produced.escapeDetail !== options.escapeDetail) reasons.push('escapeDetail');
  if (produced.inline !== options.inline) reasons.push('inline');
  if (envKey(produced.env) !== envKey(options.env)) reasons.push('env');
  if (options.toolchain !== undefined && produced.toolchain !== options.toolchain)
    reasons.push('toolchain');
  return reasons;
}

/**
 * True when a build-mode result differs only in options (no code edit): compiling is quick and
 * runs nothing, so the client re-runs instead of leaving an out-of-date mark. A run or bench is
 * only ever started by the reader (Run, Ctrl+Enter, Enter in a knob field).
 */
export function rerunsOnKnobChange(reasons: readonly StaleReason[], mode: string): boolean {
  return mode === 'build' && reasons.length > 0 && !reasons.includes('code');
}
