import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShareResponseSchema, SharedStateResponseSchema } from '../../../src/protocol.ts';
import { createShareRoutes } from '../../../src/share/routes.ts';
import { resultSigner } from '../../../src/share/result-signer.ts';
import { result as unsigned, state } from './fixtures.ts';

const signer = resultSigner(randomBytes(32));
/** The fixture as this service would have answered it: signed. */
const result = signer.sign(unsigned);

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
    const app = createShareRoutes({ dbPath, signer });
    const res = await post(app, { state });
    expect(res.status).toBe(201);
    const body = ShareResponseSchema.parse(await res.json());
    expect(body.id).toMatch(/^[0-9A-Za-z]{14}$/);
    expect(body.path).toBe(`/s/${body.id}`);
  });

  it('gives the same id for the same state, whatever the key order', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const first = ShareResponseSchema.parse(await (await post(app, { state })).json());
    const reordered = {
      state: { a: { ...state.a, env: { GOMEMLIMIT: '64MiB', GOGC: '50' } }, v: 1 },
    };
    const again = await post(app, reordered);
    expect(again.status).toBe(200);
    expect(ShareResponseSchema.parse(await again.json()).id).toBe(first.id);
  });

  it('gives a different id when one knob differs', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const a = ShareResponseSchema.parse(await (await post(app, { state })).json());
    const other = { state: { ...state, a: { ...state.a, env: { GOGC: '400' } } } };
    const b = ShareResponseSchema.parse(await (await post(app, other)).json());
    expect(b.id).not.toBe(a.id);
  });

  it('rejects malformed JSON, invalid states and oversized bodies with JSON errors', async () => {
    const app = createShareRoutes({ dbPath, maxBodyBytes: 2048, signer });
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
    const writer = createShareRoutes({ dbPath, signer });
    const { id } = ShareResponseSchema.parse(await (await post(writer, { state, result })).json());

    const reader = createShareRoutes({ dbPath, signer });
    const res = await reader.request(`/${id}`);
    expect(res.status).toBe(200);
    const body = SharedStateResponseSchema.parse(await res.json());
    expect(body.id).toBe(id);
    expect(body.state).toEqual(state);
    expect(body.result).toEqual(result);
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
  });

  it('adds a result to a link first shared without one, but never replaces it', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const { id } = ShareResponseSchema.parse(await (await post(app, { state })).json());
    let body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.result).toBeUndefined();

    await post(app, { state, result });
    const changed = signer.sign({ ...unsigned, gcflags: 'something else' });
    await post(app, { state, result: changed });
    body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.result?.gcflags).toBe(result.gcflags);
  });

  it('answers 404 not_found for an unknown id and 400 for a malformed one', async () => {
    const app = createShareRoutes({ dbPath, signer });
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
    const app = createShareRoutes({ dbPath, signer });
    const compare = { ...state, b: { ...state.a, inline: true } };
    const resultB = signer.sign({
      ...unsigned,
      request: { ...unsigned.request, inline: true },
      gcflags: "-gcflags='-m=2'",
    });
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
    const path = await import('node:path');
    mkdirSync(path.dirname(dbPath), { recursive: true });
    const old = new DatabaseSync(dbPath);
    old.exec(
      'CREATE TABLE shares (id TEXT PRIMARY KEY, state TEXT NOT NULL, result TEXT, created_at TEXT NOT NULL) STRICT',
    );
    old.close();
    const app = createShareRoutes({ dbPath, signer });
    const made = await post(app, { state, result });
    expect(made.status).toBe(201);
  });
});

// Was a hole (issue 10): POST /share stored whatever `result` the client sent, and the link
// showed it as the recorded result — including compiler decisions the compiler never made.
describe('share links carry only results this service produced', () => {
  const forgedDecision = {
    file: 'main.go',
    line: 3,
    column: 6,
    kind: 'moved-to-heap' as const,
    subject: 'secret',
    message: 'moved to heap: secret',
    details: {},
  };

  it('refuses a forged result (no signature) with a clear 400 and stores nothing', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const forged = { ...unsigned, decisions: [forgedDecision] };
    const res = await post(app, { state, result: forged });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('unverified_result');
    expect(body.message).toMatch(/not produced by this service/);
    // Nothing was stored under the state's id either: sharing without the result still works.
    const plain = await post(app, { state });
    expect(plain.status).toBe(201);
  });

  it('refuses a genuine result altered after signing (an invented moved-to-heap added)', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const altered = { ...result, decisions: [...result.decisions, forgedDecision] };
    const res = await post(app, { state, result: altered });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'unverified_result' });
  });

  it('refuses a result signed with another key', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const other = resultSigner(randomBytes(32)).sign(unsigned);
    const res = await post(app, { state, result: other });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'unverified_result' });
  });

  it('refuses a genuine result of other code than the shared state', async () => {
    const app = createShareRoutes({ dbPath, signer });
    const otherCode = {
      ...state,
      a: { ...state.a, files: [{ name: 'main.go', content: 'package main\n\nfunc main() { }\n' }] },
    };
    const res = await post(app, { state: otherCode, result });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/other code/);
  });

  it('accepts a genuine result whose keys were reordered by a client, and it round-trips', async () => {
    const app = createShareRoutes({ dbPath, signer });
    // A client re-encodes what it parsed: same values, other key order.
    const shuffled = Object.fromEntries(Object.entries(result).reverse());
    const made = await post(app, { state, result: shuffled });
    expect(made.status).toBe(201);
    const { id } = ShareResponseSchema.parse(await made.json());
    const body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.result).toEqual(result);
    expect(signer.verify(body.result!)).toBe(true);
  });

  it('does not show a stored result it cannot verify (rows from before signing)', async () => {
    const { openShareStore } = await import('../../../src/share/share-store.ts');
    const { canonicalPlaygroundState } = await import('../../../src/protocol.ts');
    const { shareId } = await import('../../../src/share/share-id.ts');
    const store = openShareStore(':memory:');
    const stateJson = JSON.stringify(canonicalPlaygroundState(state));
    const id = shareId(stateJson);
    store.put(id, stateJson, JSON.stringify({ ...unsigned, decisions: [forgedDecision] }));
    const app = createShareRoutes({ dbPath, signer, store });
    const body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
    expect(body.state).toEqual(state);
    expect(body.result).toBeUndefined();
  });
});

describe('share store limits', () => {
  const bigState = (n: number) => ({
    ...state,
    a: {
      ...state.a,
      files: [{ name: 'main.go', content: `package main // ${n} ${'x'.repeat(8000)}\n` }],
    },
  });

  it('a full store answers 507 store_full, keeps every earlier link whole, and stays up', async () => {
    const app = createShareRoutes({ dbPath, signer, maxStoreBytes: 64 * 1024 });
    const made: string[] = [];
    let full: Response | undefined;
    for (let n = 0; n < 50 && !full; n++) {
      const res = await post(app, { state: bigState(n) });
      if (res.status === 201) made.push(ShareResponseSchema.parse(await res.json()).id);
      else full = res;
    }
    expect(full?.status).toBe(507);
    expect(full?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await full?.json()).toMatchObject({ code: 'store_full' });
    expect(made.length).toBeGreaterThan(0);
    for (const id of made) {
      const body = SharedStateResponseSchema.parse(await (await app.request(`/${id}`)).json());
      expect(body.state.a.files[0]?.content).toContain('x'.repeat(8000));
    }
    // Existing links still answer, and so does sharing one of them again.
    const again = await post(app, { state: bigState(0) });
    expect(again.status).toBe(200);
  });

  it('a client over its share rate gets 429 with Retry-After; nothing is written', async () => {
    const { ClientRate } = await import('../../../src/admission/client-rate.ts');
    const rate = new ClientRate(2);
    const app = createShareRoutes({ dbPath, signer, admit: () => rate.take('one client') });
    expect((await post(app, { state: bigState(1) })).status).toBe(201);
    expect((await post(app, { state: bigState(2) })).status).toBe(201);
    const refused = await post(app, { state: bigState(3) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'client_busy' });
  });
});
