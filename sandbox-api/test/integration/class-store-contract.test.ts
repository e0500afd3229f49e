/**
 * The `ClassStore` contract, one test body run against both stores: SQLite (the embedded
 * default) and Postgres (`GML_DATABASE_URL`, a real server started on a free port). Each test
 * uses its own class ids, so the two stores' databases live for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassStore, StoredCell } from '../../src/classes/class-store.ts';
import { pgClassStore } from '../../src/classes/pg-class-store.ts';
import { openSqliteClassStore } from '../../src/classes/sqlite-class-store.ts';
import { openPgDatabase, type PgDatabase } from '../../src/store/pg-database.ts';
import { startPostgres, type Running } from '../support/data-services.ts';

const created = new Date('2026-12-01T09:00:00.000Z');
const DAY = 24 * 3600 * 1000;

let pgServer: Running | undefined;
let pgDb: PgDatabase | undefined;
beforeAll(async () => {
  pgServer = await startPostgres();
  pgDb = await openPgDatabase(pgServer.url);
});
afterAll(async () => {
  await pgDb?.close();
  await pgServer?.stop();
});

const stores: [string, () => ClassStore][] = [
  ['sqlite', () => openSqliteClassStore(':memory:')],
  ['postgres', () => pgClassStore(pgDb!.pool)],
];

let seq = 0;
/** A fresh 12-character class id. */
const classId = () => `C${String(++seq).padStart(11, '0')}`;
const learner = (i: number, joinedAt = created.toISOString()) => ({
  id: `L${String(i).padStart(9, '0')}`,
  tokenHash: `h${i}`,
  name: `学员 ${i}`,
  joinedAt,
});
const cell = (exercise: string, extra: Partial<StoredCell> = {}): StoredCell => ({
  exercise,
  attempts: 1,
  goals: [true, false],
  failing: { goal: 1, reason: 'line 9: `m` moved to heap' },
  seconds: 10,
  firstAt: created.toISOString(),
  lastAt: created.toISOString(),
  ...extra,
});

async function withClass(store: ClassStore, days = 7, minutes?: number): Promise<string> {
  const id = classId();
  await store.createClass({
    id,
    name: 'Gophers <b>101</b>',
    exercises: ['a', 'b'],
    ...(minutes !== undefined ? { minutes } : {}),
    keyHash: 'kh',
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + days * DAY).toISOString(),
    revision: 0,
  });
  return id;
}

describe.each(stores)('class store contract: %s', (_name, open) => {
  it('reads a class back as written, with or without minutes', async () => {
    const store = open();
    const id = await withClass(store, 7, 120);
    expect(await store.getClass(id, created)).toEqual({
      id,
      name: 'Gophers <b>101</b>',
      exercises: ['a', 'b'],
      minutes: 120,
      keyHash: 'kh',
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + 7 * DAY).toISOString(),
      revision: 0,
    });
    const plain = await store.getClass(await withClass(store), created);
    expect(plain).toBeDefined();
    expect('minutes' in plain!).toBe(false);
    expect(await store.getClass('ZZZZZZZZZZZZ', created)).toBeUndefined();
  });

  it('hides a class the moment it expires and sweeps its learners and progress away', async () => {
    const store = open();
    const id = await withClass(store, 7);
    const keep = await withClass(store, 30);
    await store.addLearner(id, learner(1), 300);
    await store.putCell(id, 'L000000001', cell('a', { code: 'secret code' }));
    const justBefore = new Date(created.getTime() + 7 * DAY - 1);
    const at = new Date(created.getTime() + 7 * DAY);
    expect(await store.getClass(id, justBefore)).toBeDefined();
    expect(await store.getClass(id, at)).toBeUndefined();
    expect(await store.sweepExpired(justBefore)).toBe(0);
    // Postgres holds the other tests' classes too: count only up to this one's expiry.
    expect(await store.sweepExpired(at)).toBeGreaterThanOrEqual(1);
    // Gone for real, not just hidden: a clock set back does not bring it back.
    expect(await store.getClass(id, created)).toBeUndefined();
    expect(await store.snapshot(id)).toEqual({ revision: 0, learners: [], cells: new Map() });
    expect(await store.getCell(id, 'L000000001', 'a')).toBeUndefined();
    expect(await store.getClass(keep, at)).toBeDefined();
  });

  it('ending a class deletes every learner and cell', async () => {
    const store = open();
    const id = await withClass(store);
    await store.addLearner(id, learner(1), 300);
    await store.putCell(id, 'L000000001', cell('a'));
    expect(await store.deleteClass(id)).toBe(true);
    expect(await store.learnerByToken(id, 'h1')).toBeUndefined();
    expect(await store.getCell(id, 'L000000001', 'a')).toBeUndefined();
    expect(await store.deleteClass(id)).toBe(false);
  });

  it('refuses the learner beyond the limit and bumps the revision on each change', async () => {
    const store = open();
    const id = await withClass(store);
    const results = [];
    for (const i of [1, 2, 3]) results.push(await store.addLearner(id, learner(i), 2));
    expect(results).toEqual(['added', 'added', 'full']);
    expect((await store.getClass(id, created))?.revision).toBe(2);
    await store.renameLearner(id, 'L000000001', 'Ana');
    await store.putCell(id, 'L000000001', cell('a'));
    expect((await store.getClass(id, created))?.revision).toBe(4);
    expect(await store.learnerByToken(id, 'h1')).toEqual({ ...learner(1), name: 'Ana' });
  });

  it('admits exactly the limit when learners join at the same moment', async () => {
    const store = open();
    const id = await withClass(store);
    // Postgres: open the pool's connections first, so the joins really overlap.
    await Promise.all(Array.from({ length: 10 }, async () => store.getClass(id, created)));
    const results = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => store.addLearner(id, learner(i), 5)),
    );
    expect(results.filter((r) => r === 'added')).toHaveLength(5);
    expect((await store.snapshot(id)).learners).toHaveLength(5);
  });

  it('keeps one cell per learner × exercise, replaced on each write, and snapshots in join order', async () => {
    const store = open();
    const id = await withClass(store);
    // Joined in the same millisecond: the id breaks the tie, in byte order (Z before a).
    const at = created.toISOString();
    await store.addLearner(id, { ...learner(2), id: 'a000000002', joinedAt: at }, 300);
    await store.addLearner(id, { ...learner(1), id: 'Z000000001', joinedAt: at }, 300);
    await store.putCell(id, 'a000000002', cell('a'));
    const solved = cell('a', { attempts: 2, goals: [true, true], solvedSeconds: 40 });
    delete solved.failing;
    await store.putCell(id, 'a000000002', solved);
    await store.putCell(id, 'a000000002', cell('b'));
    expect(await store.getCell(id, 'a000000002', 'a')).toEqual(solved);
    const snap = await store.snapshot(id);
    // The rows come with the revision they reflect: 2 joins + 3 cell writes.
    expect(snap.revision).toBe(5);
    expect((await store.getClass(id, created))?.revision).toBe(5);
    expect(snap.learners.map((l) => l.id)).toEqual(['Z000000001', 'a000000002']);
    expect(
      snap.cells
        .get('a000000002')
        ?.map((c) => c.exercise)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(snap.cells.has('Z000000001')).toBe(false);
    // Another class sees none of it.
    expect((await store.snapshot(await withClass(store))).learners).toEqual([]);
  });
});
