/**
 * The canonical spelling of a playground state, the input of its content-addressed id.
 * Mirrors `src/lib/share/canonical-state.ts` (the service imports nothing from the site);
 * `tests/unit/share/canonical-parity.test.ts` keeps the two byte-identical.
 */
import { PlaygroundStateSchema, type PlaygroundState, type Variant } from '../protocol.ts';

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

/** Validated state (already parsed by the route) → canonical form. */
export function canonicalState(state: PlaygroundState): PlaygroundState {
  const parsed = PlaygroundStateSchema.parse(state);
  return {
    a: canonicalVariant(parsed.a),
    ...(parsed.b ? { b: canonicalVariant(parsed.b) } : {}),
    v: 1,
  };
}
