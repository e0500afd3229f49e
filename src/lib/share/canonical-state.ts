/**
 * The one spelling of a playground state: defaults filled, empty knobs dropped, keys sorted.
 * Two states that mean the same run must serialise to the same bytes, because the share store
 * derives its content-addressed id from them and the URL hash should not churn on key order.
 * The sandbox keeps its own copy (it may import nothing from the site); a unit test pins both
 * to the same output.
 */
import {
  PlaygroundStateSchema,
  type PlaygroundState,
  type Variant,
} from '../../../sandbox-api/src/protocol.ts';

function canonicalVariant(v: Variant): Variant {
  const env: Variant['env'] = {};
  // Sorted insertion order gives sorted JSON keys.
  for (const key of ['GODEBUG', 'GOGC', 'GOMAXPROCS', 'GOMEMLIMIT'] as const) {
    const value = v.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    env,
    escapeDetail: v.escapeDetail,
    files: v.files.map((f) => ({ content: f.content, name: f.name })),
    inline: v.inline,
    mode: v.mode,
    ...(v.toolchain ? { toolchain: v.toolchain } : {}),
  };
}

/** UI controls report "not set" as ''; drop those before the schema sees them. */
function withoutEmptyEnv(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const out: Record<string, unknown> = { ...input };
  for (const side of ['a', 'b']) {
    const variant = out[side];
    if (typeof variant !== 'object' || variant === null) continue;
    const env = (variant as { env?: unknown }).env;
    if (typeof env !== 'object' || env === null) continue;
    const kept = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
    out[side] = { ...variant, env: kept };
  }
  return out;
}

/** Validates (throws a ZodError on a bad shape) and returns the canonical form. */
export function canonicalState(input: unknown): PlaygroundState {
  const state = PlaygroundStateSchema.parse(withoutEmptyEnv(input));
  return {
    a: canonicalVariant(state.a),
    ...(state.b ? { b: canonicalVariant(state.b) } : {}),
    v: 1,
  };
}

/** Canonical JSON text of a state: what the hash compresses and the share id hashes. */
export function canonicalJson(input: unknown): string {
  return JSON.stringify(canonicalState(input));
}
