/**
 * Live updates for instructors' dashboards (`GET /classes/:id/events`, Server-Sent Events).
 * One feed per watched class on this node, shared by all its open streams: it re-reads the
 * class when a write on this node says it changed, and every `pollMs` for writes made on other
 * API nodes (Postgres). When the revision moved it diffs the new rows against the last ones it
 * sent and hands each stream only the rows that changed, so a check by one of 300 learners
 * costs one row on the wire, not the whole room. A class that ends or expires ends its streams.
 */
import { ApiFailure } from '../errors.ts';
import type { ClassDashboard, ClassDelta } from '../protocol.ts';
import { classDashboard } from './class-dashboard.ts';
import type { ClassStore } from './class-store.ts';

export type FeedEvent =
  | { event: 'snapshot'; data: ClassDashboard }
  | { event: 'delta'; data: ClassDelta }
  /** The class ended or expired: the stream says so and closes. */
  | { event: 'end' }
  /** This node is shutting down: the stream closes without a word (the client falls back). */
  | { event: 'close' };

export type FeedListener = (e: FeedEvent) => void;

export interface ClassFeedsOptions {
  store: ClassStore;
  now: () => Date;
  /** How often a watched class is re-read for changes made on other API nodes. */
  pollMs?: number;
  /** A delta with no rows is sent at least this often, so a page can say it is still live. */
  heartbeatMs?: number;
  /** Open streams per class on this node; beyond it 429 and the page polls instead. */
  maxStreams?: number;
  log?: (line: string) => void;
}

export interface ClassFeeds {
  /**
   * Adds a stream for `classId`. Its first event is a fresh `snapshot`, unless the stream says
   * it already holds revision `since` and that is still current. Throws 429 when the class has
   * `maxStreams` streams here. Returns the unsubscribe.
   */
  subscribe(classId: string, since: number | undefined, listener: FeedListener): () => void;
  /** A write on this node touched `classId`: look now rather than at the next poll. */
  changed(classId: string): void;
  /** Streams open for `classId` on this node. */
  streams(classId: string): number;
  /** Closes every stream (shutdown). */
  close(): void;
}

interface Feed {
  id: string;
  /** Each listener, and whether it still waits for its first answer (and what it holds). */
  listeners: Map<FeedListener, { fresh: boolean; since: number | undefined }>;
  last: ClassDashboard | undefined;
  /** Learner id → the JSON of the row last sent. */
  rows: Map<string, string>;
  beatAt: number;
  timer: NodeJS.Timeout;
  running: boolean;
  again: boolean;
}

export function createClassFeeds(opts: ClassFeedsOptions): ClassFeeds {
  const pollMs = opts.pollMs ?? 1000;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const maxStreams = opts.maxStreams ?? 8;
  const feeds = new Map<string, Feed>();

  const send = (listener: FeedListener, e: FeedEvent): void => {
    try {
      listener(e);
    } catch (err) {
      opts.log?.(`class stream: ${(err as Error).message}`);
    }
  };
  const drop = (feed: Feed): void => {
    clearInterval(feed.timer);
    if (feeds.get(feed.id) === feed) feeds.delete(feed.id);
  };

  const look = async (feed: Feed): Promise<void> => {
    const cls = await opts.store.getClass(feed.id, opts.now());
    if (!cls) {
      for (const listener of feed.listeners.keys()) send(listener, { event: 'end' });
      feed.listeners.clear();
      drop(feed);
      return;
    }
    const at = opts.now();
    if (feed.last?.revision === cls.revision) {
      const beat = at.getTime() - feed.beatAt >= heartbeatMs;
      if (beat) feed.beatAt = at.getTime();
      const now = at.toISOString();
      for (const [listener, state] of feed.listeners) {
        if (state.fresh) {
          state.fresh = false;
          if (state.since !== cls.revision)
            send(listener, { event: 'snapshot', data: { ...feed.last, now } });
        } else if (beat) {
          send(listener, {
            event: 'delta',
            data: { revision: cls.revision, now, learners: [], removed: [] },
          });
        }
      }
      return;
    }
    const d = classDashboard(cls, await opts.store.snapshot(feed.id), at);
    const rows = new Map(d.learners.map((l) => [l.id, JSON.stringify(l)]));
    const changed = d.learners.filter((l) => feed.rows.get(l.id) !== rows.get(l.id));
    const removed = [...feed.rows.keys()].filter((id) => !rows.has(id));
    const hadBase = feed.last !== undefined;
    feed.last = d;
    feed.rows = rows;
    feed.beatAt = at.getTime();
    const delta: ClassDelta = { revision: d.revision, now: d.now, learners: changed, removed };
    for (const [listener, state] of feed.listeners) {
      if (state.fresh) {
        state.fresh = false;
        if (state.since !== d.revision) send(listener, { event: 'snapshot', data: d });
      } else if (hadBase) {
        send(listener, { event: 'delta', data: delta });
      }
    }
  };

  /** Looks once now, and once more after if anything changed meanwhile: never two at once. */
  const tick = (feed: Feed): void => {
    if (feed.running) {
      feed.again = true;
      return;
    }
    feed.running = true;
    void (async () => {
      do {
        feed.again = false;
        try {
          await look(feed);
        } catch (e) {
          // The store is down: the streams stay open and the next poll tries again.
          opts.log?.(`class stream ${feed.id}: ${(e as Error).message}`);
        }
      } while (feed.again && feeds.get(feed.id) === feed);
      feed.running = false;
    })();
  };

  return {
    subscribe(classId, since, listener) {
      let feed = feeds.get(classId);
      if (!feed) {
        const created: Feed = {
          id: classId,
          listeners: new Map(),
          last: undefined,
          rows: new Map(),
          beatAt: 0,
          running: false,
          again: false,
          timer: setInterval(() => tick(created), pollMs),
        };
        created.timer.unref();
        feeds.set(classId, created);
        feed = created;
      }
      if (feed.listeners.size >= maxStreams) {
        throw new ApiFailure(
          429,
          {
            code: 'rate_limited',
            message: `this class already has ${maxStreams} live dashboards open here; this one will refresh every few seconds instead`,
          },
          30,
        );
      }
      const f = feed;
      f.listeners.set(listener, { fresh: true, since });
      tick(f);
      return () => {
        f.listeners.delete(listener);
        if (f.listeners.size === 0) drop(f);
      };
    },
    changed(classId) {
      const feed = feeds.get(classId);
      if (feed) tick(feed);
    },
    streams: (classId) => feeds.get(classId)?.listeners.size ?? 0,
    close() {
      for (const feed of [...feeds.values()]) {
        for (const listener of feed.listeners.keys()) send(listener, { event: 'close' });
        feed.listeners.clear();
        drop(feed);
      }
    },
  };
}
