import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalyzeRequestSchema, type PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { optionChanges } from '../../../src/client/playground/compare-view.ts';
import { loadInitialState } from '../../../src/client/playground/load-state.ts';
import { benchWithoutTests, requestOf } from '../../../src/client/playground/run-request.ts';
import { defaultState } from '../../../src/lib/share/default-state.ts';
import { encodeState } from '../../../src/lib/share/state-codec.ts';

const pinned: PlaygroundState = {
  v: 1,
  a: { ...defaultState().a, mode: 'run', inline: false, env: { GOGC: '50' } },
};

function stubFetch(status: number, body: unknown) {
  const fn = vi.fn((_url: string | URL) =>
    Promise.resolve(new Response(JSON.stringify(body), { status })),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadInitialState', () => {
  it('opens a hash link without any request', async () => {
    const fetch = stubFetch(500, {});
    const got = await loadInitialState({ search: '', hash: `#${encodeState(pinned)}` });
    expect(got).toEqual({ state: pinned, source: 'hash' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('opens a short link with its recorded result', async () => {
    const fetch = stubFetch(200, {
      id: 'abcdefghijklmn',
      state: pinned,
      createdAt: '2026-01-01T00:00:00Z',
    });
    const got = await loadInitialState({ search: '?s=abcdefghijklmn', hash: '' });
    expect(got.source).toBe('short-link');
    expect(got.state).toEqual(pinned);
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/v1/share/abcdefghijklmn');
  });

  it('falls back to the default program with a message for unknown ids and damaged hashes', async () => {
    stubFetch(404, { code: 'not_found', message: 'no' });
    const unknown = await loadInitialState({ search: '?s=AAAAAAAAAAAAAA', hash: '' });
    expect(unknown.state).toEqual(defaultState());
    expect(unknown.message).toMatch(/No shared playground has the id “AAAAAAAAAAAAAA”/);

    const damaged = await loadInitialState({ search: '', hash: '#1.xyz' });
    expect(damaged).toMatchObject({ source: 'default', state: defaultState() });
    expect(damaged.message).toMatch(/damaged/);
  });

  it('says so when the share store cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const got = await loadInitialState({ search: '?s=AAAAAAAAAAAAAA', hash: '' });
    expect(got.message).toMatch(/unreachable/);
    expect(got.state).toEqual(defaultState());
  });
});

describe('optionChanges', () => {
  it('lists what differs between A and B', () => {
    const b = { ...pinned.a, inline: true, env: { GOGC: '400', GOMEMLIMIT: '64MiB' } };
    expect(optionChanges({ ...pinned, b })).toEqual([
      'inlining: off → on',
      'GOGC: 50 → 400',
      'GOMEMLIMIT: default → 64MiB',
    ]);
    expect(optionChanges(pinned)).toEqual([]);
  });

  it('names the collector when only GOEXPERIMENT differs (Green Tea against nogreenteagc)', () => {
    const b = { ...pinned.a, env: { ...pinned.a.env, GOEXPERIMENT: 'nogreenteagc' as const } };
    expect(optionChanges({ ...pinned, b })).toEqual(['GOEXPERIMENT: default → nogreenteagc']);
  });
});

describe('requestOf', () => {
  it('is a valid analyze request carrying every pinned option', () => {
    const v = { ...pinned.a, toolchain: 'go1.27.3' };
    const req = AnalyzeRequestSchema.parse(requestOf(v));
    expect(req).toMatchObject({
      mode: 'run',
      inline: false,
      toolchain: 'go1.27.3',
      env: { GOGC: '50' },
    });
    expect('toolchain' in requestOf(pinned.a)).toBe(false);
  });

  it('flags bench mode without a _test.go file', () => {
    expect(benchWithoutTests({ ...pinned.a, mode: 'bench' })).toBe(true);
    const withTest = [...pinned.a.files, { name: 'main_test.go', content: 'package main\n' }];
    expect(benchWithoutTests({ ...pinned.a, mode: 'bench', files: withTest })).toBe(false);
  });
});
