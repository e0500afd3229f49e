/**
 * POST /api/v1/format over the real service: gofmt runs in the sandbox, syntax errors come back
 * at their lines as a 200, and every refusal is a JSON `{code, message}` with its status.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveWorkspaces } from '../../src/pipeline/workspace.ts';
import {
  API_PREFIX,
  DEFAULT_LIMITS,
  FormatResponseSchema,
  type ErrorCode,
} from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { appFor, errorOf } from '../support/http-app.ts';
import { STATE_DIR, startService } from './harness.ts';

let service: Service;
let app: Hono;
let cleanup: () => void;

beforeAll(async () => {
  service = await startService();
  ({ app, cleanup } = appFor(service));
});
afterAll(async () => {
  await service.close();
  cleanup();
});

const post = (body: string) =>
  app.request(`${API_PREFIX}/format`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

async function refused(body: string, status: number, code: ErrorCode): Promise<string> {
  const res = await post(body);
  const { error } = await errorOf(res);
  expect({ status: res.status, code: error.code }).toEqual({ status, code });
  return error.message;
}

describe('POST /format', () => {
  it('answers gofmt’s text for valid code', async () => {
    const res = await post(JSON.stringify({ source: 'package main\nfunc main(){\nx:=1\n_=x}\n' }));
    expect(res.status).toBe(200);
    expect(FormatResponseSchema.parse(await res.json())).toEqual({
      ok: true,
      source: 'package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n',
    });
  });

  it('answers syntax errors at their lines, as main.go, with a 200', async () => {
    const res = await post(JSON.stringify({ source: 'package main\n\nfunc main( {\n}\n' }));
    expect(res.status).toBe(200);
    const out = FormatResponseSchema.parse(await res.json());
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0]).toMatchObject({ file: 'main.go', line: 3, column: 12 });
    expect(out.errors[0]!.message).toMatch(/expected/);
  });

  it.each([
    ['not JSON', 'package main', 400, 'invalid_json'],
    ['no source', '{}', 400, 'invalid_request'],
    [
      'an unknown field',
      JSON.stringify({ source: 'package main\n', files: [] }),
      400,
      'invalid_request',
    ],
    ['a NUL byte', JSON.stringify({ source: 'package main\u0000' }), 400, 'invalid_request'],
    [
      'more source bytes than analyze accepts',
      JSON.stringify({
        source: `package main\n//${'é'.repeat(DEFAULT_LIMITS.maxSourceBytes / 2)}`,
      }),
      400,
      'source_too_large',
    ],
    [
      'a body over the cap',
      JSON.stringify({ source: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes) }),
      413,
      'body_too_large',
    ],
  ] as const)('refuses %s', async (_, body, status, code) => {
    await refused(body, status, code);
  });

  it('stops gofmt at its limit: nested braces that re-indent quadratically', async () => {
    const n = 30_000;
    const source = `package main\nfunc f(){${'{'.repeat(n)}${'}'.repeat(n)}}\n`;
    expect(await refused(JSON.stringify({ source }), 422, 'format_limit')).toMatch(
      /gofmt was stopped/,
    );
    // …and the service still formats afterwards, leaving no job directory behind.
    const res = await post(JSON.stringify({ source: 'package main\n' }));
    expect(res.status).toBe(200);
    expect(liveWorkspaces(STATE_DIR)).toEqual([]);
  });
});
