/**
 * How the dashboard keeps up with its class: one load of the whole room, then the live stream
 * (`live-feed.ts`: Server-Sent Events carrying only the rows that changed). When the stream is
 * refused (too many dashboards open on the class) or breaks (a proxy, a node going away), it
 * polls every two seconds with the ETag (an unchanged class costs a 304) and tries the stream
 * again after half a minute. The page only draws what it is handed.
 */
import type { ClassDashboard } from '@go-memory-lab/sandbox-api/protocol';
import { applyDelta } from '../../lib/classes/apply-delta.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { openLiveFeed, type LiveFeed } from './live-feed.ts';
import { POLL_MS } from './poll-period.ts';

/** After the stream failed, polls carry on and the stream is tried again this much later. */
const STREAM_RETRY_MS = 30_000;

export interface FollowHandlers {
  /** The room as it is now (whole, or with a delta applied). */
  onData(d: ClassDashboard): void;
  /** The server answered: the page is live as of now. */
  onLive(): void;
  /** A poll could not reach the server; it tries again. */
  onRetrying(): void;
  /** No key or a wrong one (`forbidden`), or the class is gone (`unknown`): following stops. */
  onStop(why: 'forbidden' | 'unknown'): void;
  /** Which transport is in use, for the page's data attributes (tests and the bench read it). */
  onTransport(t: 'sse' | 'poll'): void;
}

export function followClass(id: string, key: string, h: FollowHandlers): { stop(): void } {
  let data: ClassDashboard | undefined;
  let etag: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let live: LiveFeed | undefined;
  let streamAt = 0;
  let stopped = false;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    live?.close();
    live = undefined;
  };
  const show = (d: ClassDashboard) => {
    data = d;
    h.onData(d);
    h.onLive();
  };

  /** Opens the live stream unless it failed recently; true when opened. */
  const goLive = (): boolean => {
    if (stopped || live || typeof EventSource === 'undefined' || Date.now() < streamAt)
      return false;
    h.onTransport('sse');
    live = openLiveFeed(classApi.eventsUrl(id, key, data?.revision, API_BASE), {
      onSnapshot: show,
      onDelta: (delta) => {
        if (data) show(applyDelta(data, delta));
      },
      onEnd: () => {
        stop();
        h.onStop('unknown');
      },
      onFail: () => {
        live = undefined;
        streamAt = Date.now() + STREAM_RETRY_MS;
        h.onTransport('poll');
        // The poll says why when the stream was refused for a reason (403, 404).
        timer = setTimeout(() => void poll(), 0);
      },
    });
    return true;
  };

  const poll = async () => {
    if (stopped) return;
    const out = await classApi.dashboard(id, key, etag, { base: API_BASE });
    if (stopped) return;
    if (!out.ok) {
      if (out.error.status === 403 || out.error.status === 404) {
        stop();
        return h.onStop(out.error.status === 403 ? 'forbidden' : 'unknown');
      }
      h.onRetrying();
    } else {
      if (out.value) {
        etag = out.value.etag;
        data = out.value.data;
        h.onData(out.value.data);
      }
      h.onLive();
      if (goLive()) return;
    }
    timer = setTimeout(() => void poll(), POLL_MS);
  };

  void poll();
  return { stop };
}
