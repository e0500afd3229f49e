/**
 * One dashboard's live stream (`GET /classes/:id/events`, Server-Sent Events): the feed's
 * events written as `event: snapshot|delta|end` with JSON data, in order, until the class ends,
 * this node shuts down, or the client goes. The caller has checked the instructor's key.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ClassFeeds, FeedEvent } from './class-feed.ts';

/** Events a slow reader may fall behind by before its stream is closed (it then polls). */
const MAX_PENDING = 64;

/** `?since=<revision>`: the revision the page already shows (it then gets no snapshot). */
function sinceOf(c: Context): number | undefined {
  const raw = c.req.query('since');
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

export function streamClassEvents(c: Context, feeds: ClassFeeds, classId: string): Response {
  const pending: FeedEvent[] = [];
  let wake = (): void => undefined;
  // Subscribing first: a class with its streams full answers a plain JSON 429, not a stream.
  const unsubscribe = feeds.subscribe(classId, sinceOf(c), (e) => {
    pending.push(e);
    wake();
  });
  // A proxy that buffers (nginx by default) would hold every event back until the stream ends.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let gone = false;
    const leave = (): void => {
      gone = true;
      wake();
    };
    stream.onAbort(leave);
    c.req.raw.signal.addEventListener('abort', leave, { once: true });
    try {
      while (!gone) {
        const e = pending.shift();
        if (!e) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (e.event === 'close' || pending.length > MAX_PENDING) return;
        const data = e.event === 'end' ? '{}' : JSON.stringify(e.data);
        await stream.writeSSE({ event: e.event, data });
        if (e.event === 'end') return;
      }
    } finally {
      unsubscribe();
      c.req.raw.signal.removeEventListener('abort', leave);
    }
  });
}
