/**
 * The dashboard's live transport: one EventSource on `/classes/:id/events`, every event
 * validated against the wire contract before it reaches the page. Any failure — the stream
 * refused (429 when the class has too many dashboards open), cut by a proxy, a node shutting
 * down, an event that does not parse — closes it and calls `onFail` once, and the page goes
 * back to polling; EventSource's own reconnect loop is not used, so a refused stream is not
 * retried every few seconds.
 */
import {
  CLASS_EVENTS,
  ClassDashboardSchema,
  ClassDeltaSchema,
  type ClassDashboard,
  type ClassDelta,
} from '@go-memory-lab/sandbox-api/protocol';
import type { z } from 'zod';

export interface LiveFeedHandlers {
  onSnapshot(d: ClassDashboard): void;
  onDelta(delta: ClassDelta): void;
  /** The class ended or expired. */
  onEnd(): void;
  onFail(): void;
}

export interface LiveFeed {
  close(): void;
}

export function openLiveFeed(url: string, h: LiveFeedHandlers): LiveFeed {
  const source = new EventSource(url);
  let open = true;
  const close = () => {
    open = false;
    source.close();
  };
  const fail = () => {
    if (!open) return;
    close();
    h.onFail();
  };
  const parsed = <T>(schema: z.ZodType<T>, e: Event): T | undefined => {
    try {
      const out = schema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      return out.success ? out.data : undefined;
    } catch {
      return undefined;
    }
  };
  source.addEventListener(CLASS_EVENTS.snapshot, (e) => {
    const d = parsed(ClassDashboardSchema, e);
    if (d) h.onSnapshot(d);
    else fail();
  });
  source.addEventListener(CLASS_EVENTS.delta, (e) => {
    const delta = parsed(ClassDeltaSchema, e);
    if (delta) h.onDelta(delta);
    else fail();
  });
  source.addEventListener(CLASS_EVENTS.end, () => {
    close();
    h.onEnd();
  });
  source.addEventListener('error', fail);
  return { close };
}
