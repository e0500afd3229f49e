import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { BlockList } from 'node:net';
import { clientKey } from './client-key.ts';

/**
 * The fairness key of the request in `c`: its socket's peer (from @hono/node-server's
 * `incoming`), or the forwarded client when that peer is a trusted proxy. In-process requests
 * (`app.request` in tests) have no socket and share the key `unknown`.
 */
export function clientOf(c: Context, proxies: BlockList): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return clientKey(incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'), proxies);
}
