import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bodyTooLarge, failureResponse } from './errors.ts';

/** A declared body up to this size is read and thrown away so the connection stays usable. */
const DRAIN_MAX_BYTES = 1024 * 1024;
/** A client slower than this to send the rest of an oversized body loses its connection. */
const DRAIN_MAX_MS = 2_000;

async function drained(c: Context): Promise<boolean> {
  const body = c.req.raw.body;
  if (!body) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DRAIN_MAX_MS);
  });
  try {
    return await Promise.race([body.pipeTo(new WritableStream()).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Refuses bodies over `maxBytes` with 413 `body_too_large`, without buffering them. An HTTP/1.1
 * server that answers before reading the whole body must either read the rest or close the
 * connection: otherwise the unread bytes are parsed as the next request, or the socket is reset
 * under the client's next request on the same keep-alive connection. A modest declared
 * Content-Length is drained (the connection is kept); anything else — a large or chunked body —
 * is answered with `Connection: close`, so the client knows to open a new one.
 */
export function bodyCap(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      const declared = Number(c.req.header('content-length') ?? NaN);
      const streamed = c.req.header('transfer-encoding') !== undefined;
      const keep = !streamed && declared <= DRAIN_MAX_BYTES && (await drained(c));
      return failureResponse(bodyTooLarge(maxBytes), keep ? {} : { connection: 'close' });
    },
  });
}
