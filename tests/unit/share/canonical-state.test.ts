/**
 * Compare mode keys each side's result by its canonical state, and share ids hash it: variant B
 * must be canonicalised exactly as A is (issue 17 planted "B canonicalised differently" and no
 * test noticed). Each case puts one variant on both sides, spelled differently on B.
 */
import { describe, expect, it } from 'vitest';
import type { Variant } from '@go-memory-lab/sandbox-api/protocol';
import { canonicalJson, canonicalState } from '../../../src/lib/share/canonical-state.ts';
import { defaultVariant } from '../../../src/lib/share/default-state.ts';

const full: Variant = {
  files: [
    { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
    { name: 'main_test.go', content: 'package main\n' },
  ],
  mode: 'run',
  escapeDetail: 1,
  inline: false,
  toolchain: 'go1.26.8',
  env: { GOGC: '50', GOMEMLIMIT: '64MiB', GOMAXPROCS: '2', GODEBUG: 'gctrace=1' },
};

/** The same variant as `v`, spelled another way: keys reversed, empty knobs added. */
function respelled(v: Variant): Variant {
  const env = Object.fromEntries(Object.entries(v.env).reverse());
  return Object.fromEntries(
    Object.entries({ ...v, env: { GOEXPERIMENT: '', ...env } }).reverse(),
  ) as Variant;
}

describe('canonicalState treats A and B alike', () => {
  it.each([
    ['the default variant', defaultVariant()],
    ['a variant with every knob', full],
    ['a variant without toolchain', { ...full, toolchain: undefined }],
  ])('%s: B comes out as A does, byte for byte', (_, v) => {
    const state = canonicalState({ v: 1, a: v, b: respelled(v) });
    expect(JSON.stringify(state.b)).toBe(JSON.stringify(state.a));
    // …and as the same variant alone on side A (the key a single run is filed under).
    expect(JSON.stringify(state.b)).toBe(JSON.stringify(canonicalState({ v: 1, a: v }).a));
  });

  it('swapping A and B gives the swapped text', () => {
    const other = { ...defaultVariant(), inline: false };
    const ab = canonicalState({ v: 1, a: full, b: other });
    const ba = canonicalState({ v: 1, a: respelled(other), b: respelled(full) });
    expect(JSON.stringify(ba.a)).toBe(JSON.stringify(ab.b));
    expect(JSON.stringify(ba.b)).toBe(JSON.stringify(ab.a));
    expect(canonicalJson({ v: 1, a: full, b: full })).toBe(
      canonicalJson({ v: 1, a: respelled(full), b: respelled(full) }),
    );
  });
});
