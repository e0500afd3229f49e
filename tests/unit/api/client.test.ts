import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/api/client.ts';
import { loadResult } from '../results/fixtures.ts';

const recorded = loadResult('return-pointer.m2.json');
const req = { files: recorded.request.files, mode: 'build' as const };

// A real HTTP server on loopback whose answer each test sets, so fetch, headers and JSON
// parsing are the real ones.
let server: Server;
let base = '';
let reply: { status: number; body: string; headers?: Record<string, string> } = {
  status: 200,
  body: '',
};
let lastBody = '';

beforeAll(async () => {
  server = createServer((rq, rs) => {
    let data = '';
    rq.on('data', (c: Buffer) => (data += c.toString()));
    rq.on('end', () => {
      lastBody = `${rq.method} ${rq.url} ${data}`;
      rs.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      rs.end(reply.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('analyze', () => {
  it('posts the request and returns a validated result', async () => {
    reply = { status: 200, body: JSON.stringify(recorded) };
    const out = await analyze(req, { base });
    expect(lastBody.startsWith('POST /api/v1/analyze {')).toBe(true);
    expect(JSON.parse(lastBody.slice(lastBody.indexOf('{')))).toEqual(req);
    expect(out.ok && out.result.decisions.length).toBe(recorded.decisions.length);
  });

  it("keeps the service's signature, so a share link can carry the result", async () => {
    const signature = 'ab'.repeat(32);
    reply = { status: 200, body: JSON.stringify({ ...recorded, signature }) };
    const out = await analyze(req, { base });
    expect(out.ok && out.result.signature).toBe(signature);
  });

  it('reports a 429 with its code, message and Retry-After', async () => {
    reply = {
      status: 429,
      body: JSON.stringify({ code: 'queue_full', message: 'too many jobs are waiting' }),
      headers: { 'retry-after': '3' },
    };
    const out = await analyze(req, { base });
    expect(out).toEqual({
      ok: false,
      error: {
        kind: 'http',
        status: 429,
        code: 'queue_full',
        message: 'too many jobs are waiting',
        retryAfter: 3,
      },
    });
  });

  it('names the fields of an invalid request', async () => {
    reply = {
      status: 400,
      body: JSON.stringify({
        code: 'invalid_request',
        message: 'The request is not valid.',
        issues: [{ path: 'env.GOGC', message: 'GOGC must be off or a number from 1 to 10000' }],
      }),
    };
    const out = await analyze(req, { base });
    expect(!out.ok && out.error.message).toBe(
      'The request is not valid. (env.GOGC: GOGC must be off or a number from 1 to 10000)',
    );
    expect(!out.ok && out.error.code).toBe('invalid_request');
  });

  it('gives a readable message when a proxy answers 502 with HTML', async () => {
    reply = { status: 502, body: '<html>Bad gateway</html>' };
    const out = await analyze(req, { base });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.kind).toBe('http');
      expect(out.error.message).toMatch(/not answering/);
      expect(out.error.code).toBeUndefined();
    }
  });

  it('refuses a 200 that does not match the contract', async () => {
    reply = { status: 200, body: JSON.stringify({ ok: true }) };
    const out = await analyze(req, { base });
    expect(!out.ok && out.error.kind).toBe('invalid-response');
  });

  it('says unreachable when nothing listens', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const out = await analyze(req, { base: `http://127.0.0.1:${port}` });
    expect(!out.ok && out.error.kind).toBe('unreachable');
  });

  it('rethrows when the caller aborts', async () => {
    reply = { status: 200, body: JSON.stringify(recorded) };
    const ctl = new AbortController();
    ctl.abort();
    await expect(analyze(req, { base, signal: ctl.signal })).rejects.toThrow();
  });
});
