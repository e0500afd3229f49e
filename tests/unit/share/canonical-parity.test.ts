import { describe, expect, it } from 'vitest';
import type { PlaygroundState } from '../../../sandbox-api/src/protocol.ts';
import { canonicalState as serverCanonical } from '../../../sandbox-api/src/share/canonical-state.ts';
import { canonicalJson } from '../../../src/lib/share/canonical-state.ts';

const states: PlaygroundState[] = [
  {
    v: 1,
    a: {
      env: { GOMEMLIMIT: '1GiB', GOGC: 'off' },
      mode: 'bench',
      inline: true,
      escapeDetail: 1,
      files: [{ content: 'package main\n', name: 'main.go' }],
    },
  },
  {
    b: {
      files: [{ name: 'main.go', content: 'package main\n// b\n' }],
      mode: 'run',
      escapeDetail: 2,
      inline: false,
      toolchain: 'go1.27.3',
      env: { GODEBUG: 'gctrace=1', GOMAXPROCS: '1' },
    },
    a: {
      files: [{ name: 'main.go', content: 'package main\n' }],
      mode: 'build',
      escapeDetail: 2,
      inline: true,
      env: {},
    },
    v: 1,
  },
];

describe('canonical state: site and service agree byte for byte', () => {
  it.each(states.map((s, i) => [i, s] as const))('state %i', (_i, state) => {
    expect(JSON.stringify(serverCanonical(state))).toBe(canonicalJson(state));
  });

  it('sorts keys at every level', () => {
    const json = canonicalJson(states[1]);
    expect(json.indexOf('"a"')).toBeLessThan(json.indexOf('"b"'));
    expect(json.indexOf('"b"')).toBeLessThan(json.indexOf('"v"'));
    expect(json.indexOf('"GODEBUG"')).toBeLessThan(json.indexOf('"GOMAXPROCS"'));
  });
});
