import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShareResponseSchema, SharedStateResponseSchema } from '../../../src/protocol.ts';
import { createShareRoutes } from '../../../src/share/routes.ts';
import { result, state } from './fixtures.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gml-share-'));
  dbPath = join(dir, 'nested', 'share.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function post(app: ReturnType<typeof createShareRoutes>, body: unknown) {
  return app.request('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/v1/share', () => {
  it('stores a state and answers a short content-addressed path', async () => {
    const app = createShareRoutes({ dbPath });
    const res = await post(app, { state });
    expect(res.status).toBe(201);
    const body = ShareResponseSchema.parse(await res.json());
    expect(body.id).toMatch(/^[0-9A-Za-z]{14}$/);
    expect(body.path).toBe(`/s/${body.id}`);
  });

  it('gives the same id for the same state, whatever the key order', async () => {
    const app = createShareRoutes({ dbPath });
    const first = ShareResponseSchema.parse(await (await post(app, { state })).json());
    const reordered = {
      state: { a: { ...state.a, env: { GOMEMLIMIT: '64MiB', GOGC: '50' } }, v: 1 },
    };
    const again = await post(app, reordered);
    expect(again.status).toBe(200);
    expect(ShareResponseSchema.parse(await again.json()).id).toBe(first.id);
  });

  it('gives a different id when one knob differs', async () => {
    const app = createShareRoutes({ dbPath });
    const a = ShareResponseSchema.parse(await (await post(app, { state })).json());
    const other = { state: { ...state, a: { ...state.a, env: { GOGC: '400' } } } };
    const b = ShareResponseSchema.parse(await (await post(app, other)).json());
    expect(b.id).not.toBe(a.id);
  });

  it('rejects malformed JSON, invalid states and oversized bodies with JSON errors', async () => {
    const app = createShareRoutes({ dbPath, maxBodyBytes: 2048 });
    const broken = await post(app, '{"state":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'invalid_json' });

    const invalid = await post(app, { state: { v: 1, a: { ...state.a, files: [] } } });
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as { code: string; issues: { path: string }[] };
    expect(invalidBody.code).toBe('invalid_request');
    expect(invalidBody.issues[0]?.path).toBe('state.a.files');

    const big = {
      state: {
        ...state,
        a: { ...state.a, files: [{ name: 'main.go', content: 'x'.repeat(4096) }] },
      },
    };
    const tooLarge = await post(app, big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'body_too_large' });
  });
});

describe('GET /api/v1/share/:id', () => {
  it('restores the exact state and the recorded result, across reopening the file', async () => {
    const writer = createShareRoutes({ dbPath });
    const { id } = ShareResponseSchema.parse(await (await post(writer, { state, result })).json());

    const reader = createShareRoutes({ dbPath });
    const res = await reader.request(`/${id}`);
    expect(res.status).toBe(200);
    const body = SharedStateResponseSchema.parse(await res.json());
    expect(body.id).toBe(id);
    expect(body.state).toEqual(state);
    expect(body.result).toEqual(result);
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
  });

  it('adds a result to a link first shared without one, but never replaces it', async () => {
    const app = createShareRoutes({ dbPath });
    const { id } = ShareResponseSchema.parse(await (await post(app, { state })).json());
    let body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.result).toBeUndefined();

    await post(app, { state, result });
    const changed = { ...result, gcflags: 'something else' };
    await post(app, { state, result: changed });
    body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.result?.gcflags).toBe(result.gcflags);
  });

  it('answers 404 not_found for an unknown id and 400 for a malformed one', async () => {
    const app = createShareRoutes({ dbPath });
    const unknown = await app.request('/AAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });

    for (const bad of ['short', 'has-dash-in-it', '%27%3B--drop', 'A'.repeat(40)]) {
      const res = await app.request(`/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_request' });
    }
  });
});

describe('compare links', () => {
  it('keep variant B’s recorded result, and ignore one sent without a B variant', async () => {
    const app = createShareRoutes({ dbPath });
    const compare = { ...state, b: { ...state.a, inline: true } };
    const resultB = { ...result, gcflags: "-gcflags='-m=2'" };
    const made = ShareResponseSchema.parse(
      await (await post(app, { state: compare, result, resultB })).json(),
    );
    const body = SharedStateResponseSchema.parse(await (await app.request(`/${made.id}`)).json());
    expect(body.state.b?.inline).toBe(true);
    expect(body.resultB?.gcflags).toBe("-gcflags='-m=2'");

    const single = ShareResponseSchema.parse(await (await post(app, { state, resultB })).json());
    const singleBody = SharedStateResponseSchema.parse(
      await (await app.request(`/${single.id}`)).json(),
    );
    expect(singleBody.resultB).toBeUndefined();
  });

  it('opens a store file created before the result_b column existed', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(dbPath), { recursive: true });
    const old = new DatabaseSync(dbPath);
    old.exec(
      'CREATE TABLE shares (id TEXT PRIMARY KEY, state TEXT NOT NULL, result TEXT, created_at TEXT NOT NULL) STRICT',
    );
    old.close();
    const app = createShareRoutes({ dbPath });
    const made = await post(app, { state, result });
    expect(made.status).toBe(201);
  });
});
