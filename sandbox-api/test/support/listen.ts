import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** The app on a real loopback socket (port 0), as `main.ts` serves it. */
export async function listen(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        (server as http.Server).closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The request went out on a connection an earlier request had used. */
  reusedSocket: boolean;
  /** The client's port: equal ports mean one connection. */
  localPort: number | undefined;
}

/**
 * One request through node:http (not fetch), so a test controls the agent (keep-alive), the
 * client's local address and whether the body has a Content-Length or is chunked.
 */
export function request(
  url: string,
  opts: {
    method?: string;
    path: string;
    agent?: http.Agent;
    localAddress?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | AsyncIterable<Buffer>;
  },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers ?? {},
        ...(opts.agent ? { agent: opts.agent } : {}),
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            reusedSocket: req.reusedSocket,
            localPort: req.socket?.localPort,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = opts.body;
    if (body === undefined) req.end();
    else if (typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else
      void (async () => {
        try {
          for await (const chunk of body) {
            if (req.destroyed || !req.write(chunk)) {
              if (req.destroyed) return;
              await new Promise((r) => req.once('drain', r));
            }
          }
          req.end();
        } catch {
          // The server closed the connection mid-body: the answer (or the error) says the rest.
        }
      })();
  });
}
