import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { defaultState } from '../../../src/lib/share/default-state.ts';
import { decodeState, encodeState, migrateV0 } from '../../../src/lib/share/state-codec.ts';

const compare: PlaygroundState = {
  v: 1,
  a: {
    files: [
      { name: 'main.go', content: 'package main\n\nfunc main() { println("ü, ✓, \\u00e9") }\n' },
      {
        name: 'main_test.go',
        content: 'package main\n\nimport "testing"\n\nfunc BenchmarkX(b *testing.B) {}\n',
      },
    ],
    mode: 'bench',
    escapeDetail: 1,
    inline: false,
    toolchain: 'go1.27.3',
    env: { GOGC: '50', GOMEMLIMIT: '64MiB', GOMAXPROCS: '2', GODEBUG: 'gcpacertrace=1' },
  },
  b: {
    files: [{ name: 'main.go', content: 'package main\n' }],
    mode: 'run',
    escapeDetail: 2,
    inline: true,
    env: { GOGC: '400' },
  },
};

describe('encodeState / decodeState', () => {
  it('round-trips a full compare state exactly', () => {
    const decoded = decodeState(encodeState(compare));
    expect(decoded).toMatchObject({ ok: true, version: 1 });
    if (decoded.ok) expect(decoded.state).toEqual(compare);
  });

  it('round-trips the default state and accepts a leading #', () => {
    const decoded = decodeState('#' + encodeState(defaultState()));
    expect(decoded.ok && decoded.state).toEqual(defaultState());
  });

  it('writes a versioned, URL-safe fragment', () => {
    const text = encodeState(compare);
    expect(text.startsWith('1.')).toBe(true);
    expect(encodeURIComponent(text)).toBe(text.replace(/\+/g, '%2B'));
  });

  it('is insensitive to key order and empty knobs (same state, same text)', () => {
    const reordered = {
      b: compare.b,
      a: {
        ...compare.a,
        env: { GOMAXPROCS: '2', GODEBUG: 'gcpacertrace=1', GOMEMLIMIT: '64MiB', GOGC: '50' },
      },
      v: 1,
    } as PlaygroundState;
    expect(encodeState(reordered)).toBe(encodeState(compare));
    const withEmpty = defaultState();
    withEmpty.a.env = { GOGC: '' };
    expect(encodeState(withEmpty)).toBe(encodeState(defaultState()));
  });

  it('changes when any pinned knob changes', () => {
    const base = encodeState(defaultState());
    const s = defaultState();
    s.a.inline = false;
    expect(encodeState(s)).not.toBe(base);
    const t = defaultState();
    t.a.env.GOGC = '400';
    expect(encodeState(t)).not.toBe(base);
    const x = defaultState();
    x.a.env.GOEXPERIMENT = 'nogreenteagc';
    expect(encodeState(x)).not.toBe(base);
    const back = decodeState(encodeState(x));
    expect(back.ok && back.state.a.env.GOEXPERIMENT).toBe('nogreenteagc');
  });

  it.each([
    ['', 'unknown format'],
    ['hello', 'unknown format'],
    ['1.', 'could not be unpacked'],
    ['1.%%%not-lz%%%', 'could not be unpacked'],
    ['9.abc', 'newer version'],
    [`1.${compressToEncodedURIComponent('{"v":1')}`, 'not valid JSON'],
    [`1.${compressToEncodedURIComponent('{"v":1,"a":{"files":[]}}')}`, 'not valid'],
  ])('rejects %j with a clear message', (input, fragment) => {
    const decoded = decodeState(input);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toContain(fragment);
  });

  it('rejects a truncated link (copy-paste cut short)', () => {
    const text = encodeState(compare);
    expect(decodeState(text.slice(0, Math.floor(text.length / 2))).ok).toBe(false);
  });

  it('rejects a state that breaks the wire contract (bad file name)', () => {
    const bad = { v: 1, a: { ...compare.a, files: [{ name: '../go.mod', content: '' }] } };
    const decoded = decodeState(`1.${compressToEncodedURIComponent(JSON.stringify(bad))}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/files\.0\.name/);
  });
});

describe('version 0 links still open', () => {
  const v0 = {
    files: { 'main.go': 'package main\n\nfunc main() {}\n', 'x.go': 'package main\n' },
    m: 1,
    l: true,
    mode: 'run',
    env: { GOGC: '200' },
  };

  it('migrates the v0 shape: -l becomes inline:false, m becomes escapeDetail', () => {
    expect(migrateV0(v0)).toEqual({
      v: 1,
      a: {
        files: [
          { name: 'main.go', content: v0.files['main.go'] },
          { name: 'x.go', content: v0.files['x.go'] },
        ],
        mode: 'run',
        escapeDetail: 1,
        inline: false,
        env: { GOGC: '200' },
      },
    });
  });

  it('decodes a 0. fragment, fills v0 defaults, and re-encodes as version 1', () => {
    const minimal = { files: { 'main.go': 'package main\n' } };
    const decoded = decodeState(`0.${compressToEncodedURIComponent(JSON.stringify(minimal))}`);
    expect(decoded).toMatchObject({ ok: true, version: 0 });
    if (!decoded.ok) return;
    expect(decoded.state.a).toMatchObject({
      mode: 'build',
      escapeDetail: 2,
      inline: true,
      env: {},
    });
    expect(encodeState(decoded.state).startsWith('1.')).toBe(true);
  });
});
