/**
 * The options one analysis runs with. Goals may ask for other options than the exercise's own
 * (a benchmark goal needs bench mode, a GC goal a run), so checking groups goals by variant and
 * runs each variant once.
 */
import type { AnalyzeRequest, Mode, RunEnv, SourceFile } from '@go-memory-lab/sandbox-api/protocol';

export interface Variant {
  mode: Mode;
  escapeDetail: 1 | 2;
  inline: boolean;
  env: RunEnv;
}

export interface VariantOverride {
  mode?: Mode | undefined;
  escapeDetail?: 1 | 2 | undefined;
  inline?: boolean | undefined;
  env?: RunEnv | undefined;
}

/** Applies an override; its env settings are added to (and win over) the base env. */
export function applyOverride(base: Variant, o: VariantOverride | undefined): Variant {
  if (!o) return base;
  return {
    mode: o.mode ?? base.mode,
    escapeDetail: o.escapeDetail ?? base.escapeDetail,
    inline: o.inline ?? base.inline,
    env: { ...base.env, ...o.env },
  };
}

/** A stable key: equal variants get equal keys whatever the order of env keys. */
export function variantKey(v: Variant): string {
  const env = Object.entries(v.env)
    .filter(([, val]) => val !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([v.mode, v.escapeDetail, v.inline, env]);
}

/** Human summary of the knobs, e.g. "run, GOMAXPROCS=1". */
export function describeVariant(v: Variant): string {
  const env = Object.entries(v.env)
    .filter(([, val]) => val !== undefined)
    .map(([k, val]) => `${k}=${val}`);
  return [v.mode, ...(v.inline ? [] : ['-l']), ...env].join(', ');
}

/**
 * The request for one repetition. Repetitions after the first get a trailing comment so the
 * service's result cache cannot hand back the same run twice; line numbers are unchanged.
 */
export function toRequest(files: SourceFile[], v: Variant, repetition = 0): AnalyzeRequest {
  const tagged =
    repetition === 0
      ? files
      : files.map((f, i) =>
          i === 0 ? { ...f, content: `${f.content}\n// repetition ${repetition + 1}\n` } : f,
        );
  return {
    files: tagged,
    mode: v.mode,
    escapeDetail: v.escapeDetail,
    inline: v.inline,
    env: v.env,
  };
}
