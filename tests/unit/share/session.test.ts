import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { loadInitialState } from '../../../src/client/playground/load-state.ts';
import { defaultState } from '../../../src/lib/share/default-state.ts';
import {
  clearSession,
  loadSession,
  saveSession,
  SESSION_KEY,
} from '../../../src/lib/share/session.ts';
import { encodeState } from '../../../src/lib/share/state-codec.ts';

const mine: PlaygroundState = {
  v: 1,
  a: { ...defaultState().a, mode: 'run', env: { GOGC: '25' } },
};
const linked: PlaygroundState = { v: 1, a: { ...defaultState().a, inline: false } };

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('session storage', () => {
  it('round-trips a state and clears it', () => {
    const s = memoryStorage();
    saveSession(s, mine, 1000);
    expect(JSON.parse(s.m.get(SESSION_KEY)!)).toMatchObject({ v: 1, savedAt: 1000 });
    expect(loadSession(s)).toEqual(mine);
    clearSession(s);
    expect(loadSession(s)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ v: 2, savedAt: 1, state: mine })],
    ['a state the contract refuses', JSON.stringify({ v: 1, savedAt: 1, state: { v: 1, a: {} } })],
    ['no state', JSON.stringify({ v: 1, savedAt: 1 })],
  ])('ignores %s', (_, raw) => {
    const s = memoryStorage();
    s.m.set(SESSION_KEY, raw);
    expect(loadSession(s)).toBeUndefined();
  });

  it('survives storage that throws, and does not overwrite a good session with a bad state', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(loadSession(throwing)).toBeUndefined();
    expect(() => saveSession(throwing, mine)).not.toThrow();
    expect(() => clearSession(throwing)).not.toThrow();

    const s = memoryStorage();
    saveSession(s, mine);
    const half = structuredClone(mine);
    half.a.files[0]!.name = '';
    saveSession(s, half);
    expect(loadSession(s)).toEqual(mine);
  });
});

describe('loadInitialState with a saved session', () => {
  const failFetch = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('{}', { status: 500 }))),
    );

  it('restores the session when the address has no link', async () => {
    failFetch();
    const s = memoryStorage();
    saveSession(s, mine);
    expect(await loadInitialState({ search: '', hash: '' }, s)).toEqual({
      state: mine,
      source: 'session',
    });
    // Without storage (an embed) the default program opens.
    expect((await loadInitialState({ search: '', hash: '' })).source).toBe('default');
  });

  it('lets a hash link or a short link win over the session', async () => {
    const s = memoryStorage();
    saveSession(s, mine);
    failFetch();
    const hash = await loadInitialState({ search: '', hash: `#${encodeState(linked)}` }, s);
    expect(hash).toEqual({ state: linked, source: 'hash' });
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              id: 'abcdefghijklmn',
              state: linked,
              createdAt: '2026-01-01T00:00:00Z',
            }),
            { status: 200 },
          ),
        ),
      ),
    );
    const short = await loadInitialState({ search: '?s=abcdefghijklmn', hash: '' }, s);
    expect(short.source).toBe('short-link');
    expect(short.state).toEqual(linked);
    // A link that cannot be opened explains itself over the default, not the session.
    failFetch();
    const broken = await loadInitialState({ search: '', hash: '#1.xyz' }, s);
    expect(broken.source).toBe('default');
    expect(broken.state).toEqual(defaultState());
  });
});
