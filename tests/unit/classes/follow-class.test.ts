/**
 * The dashboard's transport (`follow-class.ts`): one load, then the live stream; when the stream
 * fails the page polls again at once (so a refusal's reason is shown); a stream that says the
 * class ended stops everything. EventSource and fetch are stand-ins; the events they carry are
 * checked against the wire contract by the code under test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClassDashboard, ClassDelta } from '@go-memory-lab/sandbox-api/protocol';
import { followClass, type FollowHandlers } from '../../../src/client/classes/follow-class.ts';

class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, ((e: Event) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data?: unknown): void {
    const e = Object.assign(new Event(type), { data: JSON.stringify(data ?? {}) });
    for (const fn of this.listeners.get(type) ?? []) fn(e);
  }
}

const room = (revision: number, attempts: number): ClassDashboard => ({
  class: { id: 'C00000000001', name: 'r', exercises: ['a'], createdAt: '', expiresAt: '' },
  learners: [
    {
      id: 'L000000001',
      name: 'Ana',
      joinedAt: '',
      cells: [
        {
          exercise: 'a',
          attempts,
          goals: [false],
          seconds: 1,
          firstAt: '',
          lastAt: '',
          hasCode: false,
        },
      ],
    },
  ],
  now: '2026-12-01T10:00:00.000Z',
  revision,
});

function setup(answers: (() => Response)[]) {
  const fetches: string[] = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      fetches.push(url);
      return Promise.resolve((answers.shift() ?? (() => new Response(null, { status: 304 })))());
    }),
  );
  const seen: { data: ClassDashboard[]; transport: string[]; stopped: string[] } = {
    data: [],
    transport: [],
    stopped: [],
  };
  const h: FollowHandlers = {
    onData: (d) => seen.data.push(d),
    onLive: () => undefined,
    onRetrying: () => undefined,
    onStop: (why) => seen.stopped.push(why),
    onTransport: (t) => seen.transport.push(t),
  };
  return { fetches, seen, h };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.last = undefined;
});

describe('following a class', () => {
  it('loads once, then opens the stream at that revision and applies its deltas', async () => {
    const { fetches, seen, h } = setup([json(room(3, 1))]);
    const f = followClass('C00000000001', 'k', h);
    await vi.waitFor(() => expect(FakeEventSource.last).toBeDefined());
    const es = FakeEventSource.last!;
    expect(es.url).toMatch(/\/classes\/C00000000001\/events\?key=k&since=3$/);
    expect(seen.transport).toEqual(['sse']);
    const delta: ClassDelta = {
      revision: 4,
      now: '2026-12-01T10:00:05.000Z',
      learners: [room(4, 2).learners[0]!],
      removed: [],
    };
    es.emit('delta', delta);
    expect(seen.data.at(-1)?.learners[0]?.cells[0]?.attempts).toBe(2);
    expect(seen.data.at(-1)?.revision).toBe(4);
    // A malformed event is a broken stream, never a half-drawn grid.
    es.emit('delta', { revision: 'x' });
    expect(es.closed).toBe(true);
    expect(seen.transport).toEqual(['sse', 'poll']);
    await vi.waitFor(() => expect(fetches).toHaveLength(2));
    f.stop();
  });

  it('when the stream fails, polls at once and says why a refusal happened', async () => {
    const { fetches, seen, h } = setup([
      json(room(1, 1)),
      json({ code: 'not_found', message: 'no such class' }, 404),
    ]);
    followClass('C00000000001', 'k', h);
    await vi.waitFor(() => expect(FakeEventSource.last).toBeDefined());
    FakeEventSource.last!.emit('error');
    await vi.waitFor(() => expect(seen.stopped).toEqual(['unknown']));
    expect(fetches).toHaveLength(2);
    expect(FakeEventSource.last!.closed).toBe(true);
  });

  it('stops when the stream says the class ended', async () => {
    const { seen, h } = setup([json(room(1, 1))]);
    followClass('C00000000001', 'k', h);
    await vi.waitFor(() => expect(FakeEventSource.last).toBeDefined());
    FakeEventSource.last!.emit('end');
    expect(seen.stopped).toEqual(['unknown']);
    expect(FakeEventSource.last!.closed).toBe(true);
  });
});
