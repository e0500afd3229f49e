/**
 * The live feed behind `/classes/:id/events`, on a real (in-memory SQLite) store: a stream
 * starts with a snapshot, then gets only the rows that changed; writes made behind its back
 * (another API node) arrive within a poll; the class ending ends the stream; streams per class
 * are bounded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClassFeeds,
  type ClassFeeds,
  type FeedEvent,
} from '../../../src/classes/class-feed.ts';
import type { ClassStore, StoredCell } from '../../../src/classes/class-store.ts';
import { openSqliteClassStore } from '../../../src/classes/sqlite-class-store.ts';
import { ApiFailure } from '../../../src/errors.ts';

const ID = 'AAAAAAAAAAAA';
const at = new Date('2026-12-01T09:00:00.000Z');
const cell = (exercise: string, attempts: number): StoredCell => ({
  exercise,
  attempts,
  goals: [false],
  seconds: 5,
  firstAt: at.toISOString(),
  lastAt: at.toISOString(),
});

let feeds: ClassFeeds | undefined;
afterEach(() => feeds?.close());

async function room(learners: number): Promise<ClassStore> {
  const store = openSqliteClassStore(':memory:');
  await store.createClass({
    id: ID,
    name: 'room',
    exercises: ['a'],
    keyHash: 'kh',
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + 86_400_000).toISOString(),
    revision: 0,
  });
  for (let i = 0; i < learners; i++) {
    const id = `L${String(i).padStart(9, '0')}`;
    await store.addLearner(ID, { id, tokenHash: `h${i}`, name: `n${i}`, joinedAt: '' }, 300);
  }
  return store;
}

/** A listener that collects events, and a way to wait for the next one. */
function collector() {
  const events: FeedEvent[] = [];
  return {
    events,
    listener: (e: FeedEvent) => events.push(e),
    next: async (n: number) => {
      await expect
        .poll(() => events.length, { timeout: 3_000, interval: 5 })
        .toBeGreaterThanOrEqual(n);
      return events[n - 1]!;
    },
  };
}

describe('class feed', () => {
  it('starts with a snapshot, then sends only the learner whose row changed', async () => {
    const store = await room(3);
    feeds = createClassFeeds({ store, now: () => at, pollMs: 60_000 });
    const a = collector();
    feeds.subscribe(ID, undefined, a.listener);
    const first = await a.next(1);
    expect(first.event).toBe('snapshot');
    if (first.event !== 'snapshot') return;
    expect(first.data.learners).toHaveLength(3);
    expect(first.data.revision).toBe(3);

    await store.putCell(ID, 'L000000001', cell('a', 1));
    feeds.changed(ID);
    const second = await a.next(2);
    expect(second).toEqual({
      event: 'delta',
      data: {
        revision: 4,
        now: at.toISOString(),
        learners: [
          expect.objectContaining({
            id: 'L000000001',
            cells: [expect.objectContaining({ attempts: 1, hasCode: false })],
          }),
        ],
        removed: [],
      },
    });
  });

  it('a stream that already holds the current revision gets no snapshot, only what follows', async () => {
    const store = await room(2);
    feeds = createClassFeeds({ store, now: () => at, pollMs: 60_000 });
    const a = collector();
    feeds.subscribe(ID, 2, a.listener);
    await store.putCell(ID, 'L000000000', cell('a', 1));
    feeds.changed(ID);
    const e = await a.next(1);
    // The first look may already see the write: then this stream's copy is stale and it gets
    // a snapshot; otherwise a delta of the one row. Either way, never the unchanged revision.
    if (e.event === 'snapshot') expect(e.data.revision).toBe(3);
    else
      expect(e).toMatchObject({
        event: 'delta',
        data: { revision: 3, learners: [{ id: 'L000000000' }] },
      });
  });

  it('picks up a write made behind its back (another API node) within a poll', async () => {
    const store = await room(1);
    feeds = createClassFeeds({ store, now: () => at, pollMs: 30 });
    const a = collector();
    feeds.subscribe(ID, undefined, a.listener);
    await a.next(1);
    await store.putCell(ID, 'L000000000', cell('a', 2));
    expect(await a.next(2)).toMatchObject({
      event: 'delta',
      data: { learners: [{ id: 'L000000000' }] },
    });
  });

  it('sends a heartbeat delta with no rows while nothing changes', async () => {
    const store = await room(1);
    let now = at;
    feeds = createClassFeeds({ store, now: () => now, pollMs: 20, heartbeatMs: 1_000 });
    const a = collector();
    feeds.subscribe(ID, undefined, a.listener);
    await a.next(1);
    now = new Date(at.getTime() + 1_000);
    expect(await a.next(2)).toEqual({
      event: 'delta',
      data: { revision: 1, now: now.toISOString(), learners: [], removed: [] },
    });
  });

  it('ends every stream when the class ends, and forgets the class', async () => {
    const store = await room(1);
    feeds = createClassFeeds({ store, now: () => at, pollMs: 60_000 });
    const a = collector();
    const b = collector();
    feeds.subscribe(ID, undefined, a.listener);
    feeds.subscribe(ID, undefined, b.listener);
    await a.next(1);
    await store.deleteClass(ID);
    feeds.changed(ID);
    expect(await a.next(2)).toEqual({ event: 'end' });
    expect(await b.next(2)).toEqual({ event: 'end' });
    expect(feeds.streams(ID)).toBe(0);
  });

  it('refuses a stream beyond the limit with 429 until one leaves', async () => {
    const store = await room(0);
    feeds = createClassFeeds({ store, now: () => at, pollMs: 60_000, maxStreams: 2 });
    const leave = feeds.subscribe(ID, undefined, () => undefined);
    feeds.subscribe(ID, undefined, () => undefined);
    let refused: unknown;
    try {
      feeds.subscribe(ID, undefined, () => undefined);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ApiFailure);
    expect((refused as ApiFailure).status).toBe(429);
    leave();
    expect(() => feeds!.subscribe(ID, undefined, () => undefined)).not.toThrow();
    expect(feeds.streams(ID)).toBe(2);
  });
});
