/**
 * The class live stream (`GET /classes/:id/events`, SSE) over a real socket through the real app
 * (support/class-app.ts): the key, the first snapshot, deltas with only the changed row, the end,
 * and the bound on streams per class.
 */
import { describe, expect, it } from 'vitest';
import {
  ClassDashboardSchema,
  ClassDeltaSchema,
  JoinClassResponseSchema,
} from '../../src/protocol.ts';
import { errorOf } from '../support/http-app.ts';
import { listen } from '../support/listen.ts';
import { sseReader } from '../support/sse-reader.ts';
import { BASE, classApp } from '../support/class-app.ts';

const { app, post, token, createClass } = classApp();

describe('class live stream (SSE)', () => {
  it('needs the key, starts with the room, sends only the changed row, and ends with the class', async () => {
    const c = await createClass();
    const [t1, t2] = [token(), token()];
    await post(`/${c.id}/learners`, { name: 'Ana', token: t1 });
    const bo = JoinClassResponseSchema.parse(
      await (await post(`/${c.id}/learners`, { name: 'Bo', token: t2 })).json(),
    );
    const noKey = await errorOf(await app.request(`${BASE}/${c.id}/events`));
    expect(noKey).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    expect((await app.request(`${BASE}/${c.id}/events?key=wrong`)).status).toBe(403);

    const res = await app.request(`${BASE}/${c.id}/events?key=${c.key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const events = sseReader(res.body!);
    const first = await events.next();
    expect(first?.event).toBe('snapshot');
    const snap = ClassDashboardSchema.parse(JSON.parse(first!.data));
    expect(snap.learners.map((l) => l.name)).toEqual(['Ana', 'Bo']);

    const report = { token: t2, exercise: 'return-by-value', goals: [true, true], seconds: 42 };
    expect((await post(`/${c.id}/progress`, { ...report, code: 'package main' })).status).toBe(204);
    const second = await events.next();
    expect(second?.event).toBe('delta');
    const delta = ClassDeltaSchema.parse(JSON.parse(second!.data));
    expect(delta.learners.map((l) => l.id)).toEqual([bo.learnerId]);
    expect(delta.learners[0]!.cells[0]).toMatchObject({ solvedSeconds: 42, hasCode: true });
    expect(delta.revision).toBeGreaterThan(snap.revision);
    // Shared code never travels on the stream.
    expect(second!.data).not.toContain('package main');

    expect((await app.request(`${BASE}/${c.id}?key=${c.key}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await events.next())?.event).toBe('end');
    expect(await events.next()).toBeUndefined();
  });

  it('bounds the streams per class; a dashboard that goes away frees its place', async () => {
    const c = await createClass();
    const server = await listen(app);
    const open = () => {
      const ctl = new AbortController();
      return fetch(`${server.url}${BASE}/${c.id}/events?key=${c.key}`, { signal: ctl.signal }).then(
        (r) => ({ r, ctl }),
      );
    };
    try {
      const streams = await Promise.all(Array.from({ length: 8 }, open));
      expect(streams.map((s) => s.r.status)).toEqual(Array(8).fill(200));
      const ninth = await open();
      expect(ninth.r.status).toBe(429);
      expect(Number(ninth.r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await ninth.r.json()) as { code: string }).code).toBe('rate_limited');
      streams[0]!.ctl.abort();
      await expect
        .poll(
          async () => {
            const again = await open();
            again.ctl.abort();
            return again.r.status;
          },
          { timeout: 5_000, interval: 100 },
        )
        .toBe(200);
      for (const s of streams) s.ctl.abort();
    } finally {
      await server.close();
    }
  });
});
