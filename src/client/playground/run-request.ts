/** From a playground variant to the request that runs it. */
import type { AnalyzeRequest, Variant } from '@go-memory-lab/sandbox-api/protocol';

/** The analyze request for one variant: the same code, flags and knobs, nothing else. */
export function requestOf(v: Variant): AnalyzeRequest {
  return {
    files: v.files,
    mode: v.mode,
    escapeDetail: v.escapeDetail,
    inline: v.inline,
    env: v.env,
    ...(v.toolchain ? { toolchain: v.toolchain } : {}),
  };
}

/** Bench mode runs the benchmarks of a _test.go file; without one there is nothing to run. */
export function benchWithoutTests(v: Variant): boolean {
  return v.mode === 'bench' && !v.files.some((f) => f.name.endsWith('_test.go'));
}
