import { describe, expect, it } from 'vitest';
import { createClassRoutes } from '../../../src/classes/routes.ts';
import { openSqliteClassStore } from '../../../src/classes/sqlite-class-store.ts';
import { CreateClassResponseSchema } from '../../../src/protocol.ts';

describe('class routes: expiry on a configured lifetime', () => {
  it('a class answers until its lifetime is over, then 404 everywhere, and its data is swept', async () => {
    let now = new Date('2026-12-01T09:00:00.000Z');
    const store = openSqliteClassStore(':memory:');
    const app = createClassRoutes({
      dbPath: ':memory:',
      store,
      ttlDays: 1,
      exerciseSlugs: undefined,
      now: () => now,
    });
    const res = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'short', exercises: ['x'] }),
    });
    const { id, dashboardUrl } = CreateClassResponseSchema.parse(await res.json());
    const key = new URL(dashboardUrl, 'http://h').searchParams.get('key')!;
    now = new Date('2026-12-02T08:59:59.000Z');
    expect((await app.request(`/${id}`)).status).toBe(200);
    expect((await app.request(`/${id}/dashboard?key=${key}`)).status).toBe(200);
    now = new Date('2026-12-02T09:00:00.000Z');
    expect((await app.request(`/${id}`)).status).toBe(404);
    expect((await app.request(`/${id}/dashboard?key=${key}`)).status).toBe(404);
    // Hidden at once; deleted by the next sweep, which runs at most every ten minutes.
    expect(await store.getClass(id, new Date('2026-12-01T10:00:00.000Z'))).toBeDefined();
    now = new Date('2026-12-02T09:10:00.000Z');
    expect((await app.request(`/${id}`)).status).toBe(404);
    expect(await store.getClass(id, new Date('2026-12-01T10:00:00.000Z'))).toBeUndefined();
  });
});
