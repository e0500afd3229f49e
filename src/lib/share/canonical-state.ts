/**
 * The one spelling of a playground state: defaults filled, empty knobs dropped, keys sorted.
 * Two states that mean the same run must serialise to the same bytes, because the share store
 * derives its content-addressed id from them and the URL hash should not churn on key order.
 * The canonical form itself is `canonicalPlaygroundState` in the wire contract, shared with the
 * service; this module adds what only the UI needs.
 */
import {
  canonicalPlaygroundState,
  type PlaygroundState,
} from '@go-memory-lab/sandbox-api/protocol';

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
  return canonicalPlaygroundState(withoutEmptyEnv(input) as PlaygroundState);
}

/** Canonical JSON text of a state: what the hash compresses and the share id hashes. */
export function canonicalJson(input: unknown): string {
  return JSON.stringify(canonicalState(input));
}
