/**
 * The class API over HTTP through the real app on a real SQLite file (support/class-app.ts):
 * create, join, report, dashboard, key checks, limits, 300 learners, ending, the creation rate
 * per client. The live stream: classes-events.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { defaultConfig } from '../../src/config.ts';
import {
  ClassCellDetailSchema,
  ClassDashboardSchema,
  ClassInfoSchema,
  JoinClassResponseSchema,
} from '../../src/protocol.ts';
import { unavailableService } from '../../src/unavailable-service.ts';
import { errorOf } from '../support/http-app.ts';
import { listen, request } from '../support/listen.ts';
import { BASE, classApp } from '../support/class-app.ts';

const { dir, app, post, token, createClass, dashboard } = classApp();

describe('class API', () => {
  it('creates a class whose join link carries no key and whose dashboard link does', async () => {
    const c = await createClass();
    expect(c.joinUrl).toBe(`/workshop/classes/join/?c=${c.id}`);
    expect(c.joinUrl).not.toContain(c.key);
    expect(c.dashboardUrl).toContain(`key=${c.key}`);
    const info = ClassInfoSchema.parse(await (await app.request(`${BASE}/${c.id}`)).json());
    expect(info.name).toBe('Gophers <b>101</b>');
    expect(info.exercises).toEqual(['return-by-value', 'interface-argument']);
    expect(Date.parse(info.expiresAt) - Date.parse(info.createdAt)).toBe(7 * 24 * 3600 * 1000);
  });

  it('answers bad input with 400 JSON and an unknown class with 404 JSON', async () => {
    expect((await errorOf(await post('', '{nope'))).error.code).toBe('invalid_json');
    const long = await errorOf(await post('', { name: '名'.repeat(61), exercises: ['x'] }));
    expect(long).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    const typo = await errorOf(await post('', { name: 'r', exercises: ['return-by-valu'] }));
    expect(typo.status).toBe(400);
    expect(typo.error.message).toContain('return-by-valu');
    const unknown = await errorOf(await app.request(`${BASE}/ZZZZZZZZZZZZ`));
    expect(unknown).toMatchObject({ status: 404, error: { code: 'not_found' } });
    const odd = await errorOf(await app.request(`${BASE}/..%2F..%2Fetc`));
    expect(odd.status).toBe(404);
  });

  it('refuses the dashboard, a cell, the CSV and ending without the right key (403)', async () => {
    const c = await createClass();
    for (const key of [undefined, '', 'wrong', c.key.slice(0, -1)]) {
      const r = await errorOf(await dashboard(c.id, key));
      expect(r).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    }
    expect((await app.request(`${BASE}/${c.id}/export.csv`)).status).toBe(403);
    expect((await app.request(`${BASE}/${c.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await dashboard(c.id, c.key)).status).toBe(200);
    const bearer = await app.request(`${BASE}/${c.id}/dashboard`, {
      headers: { authorization: `Bearer ${c.key}` },
    });
    expect(bearer.status).toBe(200);
    // Another class's key opens nothing here.
    const other = await createClass();
    expect((await dashboard(c.id, other.key)).status).toBe(403);
  });

  it('a reload (same token) is the same learner; progress shows goals, failing reason, solve', async () => {
    const c = await createClass();
    const t = token();
    const first = await post(`/${c.id}/learners`, { name: '张伟', token: t });
    expect(first.status).toBe(201);
    const a = JoinClassResponseSchema.parse(await first.json());
    const again = await post(`/${c.id}/learners`, { name: '张伟', token: t });
    expect(again.status).toBe(200);
    expect(JoinClassResponseSchema.parse(await again.json()).learnerId).toBe(a.learnerId);

    const fail = await post(`/${c.id}/progress`, {
      token: t,
      exercise: 'return-by-value',
      goals: [false, true],
      failing: { goal: 0, reason: 'line 9: `m` moved to heap' },
      seconds: 30,
      code: 'package main // mine',
    });
    expect(fail.status).toBe(204);
    const ok = await post(`/${c.id}/progress`, {
      token: t,
      exercise: 'return-by-value',
      goals: [true, true],
      seconds: 95,
      code: 'package main // fixed',
    });
    expect(ok.status).toBe(204);

    const d = ClassDashboardSchema.parse(await (await dashboard(c.id, c.key)).json());
    expect(d.learners).toHaveLength(1);
    expect(d.learners[0]).toMatchObject({ id: a.learnerId, name: '张伟' });
    expect(d.learners[0]!.cells).toEqual([
      expect.objectContaining({
        exercise: 'return-by-value',
        attempts: 2,
        goals: [true, true],
        solvedSeconds: 95,
        hasCode: true,
      }),
    ]);
    // The grid's data never carries code; the cell detail does.
    expect(JSON.stringify(d)).not.toContain('package main');
    const cell = ClassCellDetailSchema.parse(
      await (
        await app.request(
          `${BASE}/${c.id}/learners/${a.learnerId}/cells/return-by-value?key=${c.key}`,
        )
      ).json(),
    );
    expect(cell.code).toBe('package main // fixed');
    expect(cell.learner.name).toBe('张伟');
  });

  it('refuses progress from an unknown token (403), for another exercise (400), too fast (429)', async () => {
    const c = await createClass();
    const t = token();
    const report = { token: t, exercise: 'return-by-value', goals: [false], seconds: 1 };
    expect((await errorOf(await post(`/${c.id}/progress`, report))).status).toBe(403);
    await post(`/${c.id}/learners`, { name: 'Ana', token: t });
    const other = await errorOf(
      await post(`/${c.id}/progress`, { ...report, exercise: 'field-order' }),
    );
    expect(other.status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(`/${c.id}/progress`, report)).status);
    expect(statuses.slice(0, 6)).toEqual([204, 204, 204, 204, 204, 204]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    const limited = await post(`/${c.id}/progress`, report);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await errorOf(limited)).error.code).toBe('rate_limited');
  });

  it('takes 300 learners, refuses the 301st with 409, and serves the 300-row dashboard', async () => {
    const c = await createClass();
    const tokens: string[] = [];
    for (let i = 0; i < 300; i++) {
      const t = token();
      tokens.push(t);
      const r = await post(`/${c.id}/learners`, { name: `学员 ${i}`, token: t });
      expect(r.status).toBe(201);
    }
    const full = await errorOf(await post(`/${c.id}/learners`, { name: 'late', token: token() }));
    expect(full).toMatchObject({ status: 409, error: { code: 'class_full' } });
    // A learner already in still gets back in after the class is full.
    expect((await post(`/${c.id}/learners`, { name: '学员 0', token: tokens[0]! })).status).toBe(
      200,
    );
    for (const t of tokens) {
      const r = await post(`/${c.id}/progress`, {
        token: t,
        exercise: 'return-by-value',
        goals: [true, false],
        failing: { goal: 1, reason: 'output changed' },
        seconds: 60,
      });
      expect(r.status).toBe(204);
    }
    const res = await dashboard(c.id, c.key);
    const d = ClassDashboardSchema.parse(await res.json());
    expect(d.learners).toHaveLength(300);
    expect(d.learners.every((l) => l.cells[0]?.failing?.reason === 'output changed')).toBe(true);
    // Unchanged since: the poll costs a 304 and no body.
    const etag = res.headers.get('etag')!;
    expect((await dashboard(c.id, c.key, { 'if-none-match': etag })).status).toBe(304);
    const csv = await (await app.request(`${BASE}/${c.id}/export.csv?key=${c.key}`)).text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 300 * 2);
  });

  it('ending a class deletes it: the join link, the dashboard and progress all answer 404', async () => {
    const c = await createClass();
    const t = token();
    await post(`/${c.id}/learners`, { name: 'Ana', token: t });
    const end = await app.request(`${BASE}/${c.id}?key=${c.key}`, { method: 'DELETE' });
    expect(end.status).toBe(204);
    expect((await app.request(`${BASE}/${c.id}`)).status).toBe(404);
    expect((await dashboard(c.id, c.key)).status).toBe(404);
    const report = { token: t, exercise: 'return-by-value', goals: [true], seconds: 1 };
    expect((await post(`/${c.id}/progress`, report)).status).toBe(404);
  });
});

describe('class creation rate per client', () => {
  it('refuses a client its third class in a minute with 429 and Retry-After, not another client', async () => {
    const limited = createApp(
      unavailableService({ ...defaultConfig(), clientClassesPerMinute: 2 }, 'no toolchain'),
      {
        shareDbPath: path.join(dir, 'rate.sqlite'),
        resultKeyPath: path.join(dir, 'result-key'),
      },
    );
    const server = await listen(limited);
    const create = (from: string, headers: Record<string, string> = {}, slug = 'return-by-value') =>
      request(server.url, {
        method: 'POST',
        path: BASE,
        localAddress: from,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'r', exercises: [slug] }),
      });
    try {
      expect((await create('127.0.0.2')).status).toBe(201);
      expect((await create('127.0.0.2')).status).toBe(201);
      const refused = await create('127.0.0.2');
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'client_busy' });
      expect((JSON.parse(refused.body) as { message: string }).message).toContain('classes');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // X-Forwarded-For from a peer that is no trusted proxy names nobody else.
      expect((await create('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
      // Another address is unaffected, and a typo there is refused as such and spends nothing.
      expect((await create('127.0.0.3', {}, 'return-by-valu')).status).toBe(400);
      expect((await create('127.0.0.3')).status).toBe(201);
      expect((await create('127.0.0.3')).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
