import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { defaultConfig } from '../../../src/config.ts';
import { ApiErrorSchema, API_PREFIX, DEFAULT_LIMITS } from '../../../src/protocol.ts';
import { unavailableService } from '../../../src/unavailable-service.ts';
import { listen, request, type RawAnswer } from '../../support/listen.ts';
import { state } from '../share/fixtures.ts';

// Was a hole (issue 10, finding 4): the 400 for an oversized body dropped the keep-alive
// connection under the client, whose next request on it failed with "socket hang up".
let dir: string;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-bodycap-'));
  // The HTTP layer alone: a service without a toolchain still answers health and share.
  const service = unavailableService({ ...defaultConfig(), stateDir: dir }, 'no toolchain here');
  server = await listen(createApp(service, { shareDbPath: path.join(dir, 'share.sqlite') }));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };

function expectTooLarge(res: RawAnswer): void {
  expect(res.status).toBe(413);
  expect(ApiErrorSchema.parse(JSON.parse(res.body)).code).toBe('body_too_large');
}

/** A body of `total` bytes sent chunked (no Content-Length), a client that keeps sending. */
function* chunked(total: number): Iterable<Buffer> {
  const chunk = Buffer.alloc(16 * 1024, 'x');
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

describe('an oversized body: 413, and the connection is still usable', () => {
  it('analyze, a little over the limit: 413, then the next request on the same socket', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = Buffer.alloc(DEFAULT_LIMITS.maxBodyBytes + 50 * 1024, 'x');
      const refused = await request(server.url, {
        method: 'POST',
        path: `${API_PREFIX}/analyze`,
        agent,
        headers: { ...json, 'content-length': String(big.length) },
        body: big,
      });
      expectTooLarge(refused);
      expect(refused.headers.connection).toBe('keep-alive');
      const next = await request(server.url, { path: `${API_PREFIX}/health`, agent });
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(true);
      expect(next.localPort).toBe(refused.localPort);
    } finally {
      agent.destroy();
    }
  });

  it.each([
    ['analyze', `${API_PREFIX}/analyze`],
    ['share', `${API_PREFIX}/share`],
  ])(
    '%s, far over the limit: 413 with Connection: close, and the next request works',
    async (_name, route) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const huge = Buffer.alloc(8 * 1024 * 1024, 'x');
        const refused = await request(server.url, {
          method: 'POST',
          path: route,
          agent,
          headers: { ...json, 'content-length': String(huge.length) },
          body: huge,
        });
        expectTooLarge(refused);
        expect(refused.headers.connection).toBe('close');
        const next = await request(server.url, { path: `${API_PREFIX}/health`, agent });
        expect(next.status).toBe(200);
      } finally {
        agent.destroy();
      }
    },
  );

  it('a chunked body without a length: 413 with Connection: close, and the next request works', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await request(server.url, {
        method: 'POST',
        path: `${API_PREFIX}/analyze`,
        agent,
        headers: json,
        body: Readable.from(chunked(4 * 1024 * 1024)),
      });
      expectTooLarge(refused);
      expect(refused.headers.connection).toBe('close');
      const next = await request(server.url, {
        method: 'POST',
        path: `${API_PREFIX}/share`,
        agent,
        headers: json,
        body: JSON.stringify({ state }),
      });
      expect(next.status).toBeLessThan(300);
    } finally {
      agent.destroy();
    }
  });
});
