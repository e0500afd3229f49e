import { describe, expect, it } from 'vitest';
import { sha256Hex, secretMatches } from '../../../src/classes/class-secrets.ts';
import { classTtlDaysFromEnv } from '../../../src/classes/routes.ts';
import { openSqliteClassStore } from '../../../src/classes/sqlite-class-store.ts';

const created = new Date('2026-12-01T09:00:00.000Z');
const day = 24 * 3600 * 1000;

async function storeWithClass(days = 7) {
  const store = openSqliteClassStore(':memory:');
  await store.createClass({
    id: 'AAAAAAAAAAAA',
    name: 'room',
    exercises: ['a', 'b'],
    keyHash: sha256Hex('k'),
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + days * day).toISOString(),
    revision: 0,
  });
  return store;
}

describe('class store: expiry and ending', () => {
  it('hides a class the moment it expires and sweeps its learners and progress away', async () => {
    const store = await storeWithClass(7);
    await store.addLearner(
      'AAAAAAAAAAAA',
      { id: 'L000000001', tokenHash: 'h1', name: 'Ana', joinedAt: created.toISOString() },
      300,
    );
    await store.putCell('AAAAAAAAAAAA', 'L000000001', {
      exercise: 'a',
      attempts: 1,
      goals: [true],
      seconds: 10,
      firstAt: created.toISOString(),
      lastAt: created.toISOString(),
      code: 'secret code',
    });
    const justBefore = new Date(created.getTime() + 7 * day - 1);
    const at = new Date(created.getTime() + 7 * day);
    expect(await store.getClass('AAAAAAAAAAAA', justBefore)).toBeDefined();
    expect(await store.getClass('AAAAAAAAAAAA', at)).toBeUndefined();
    expect(store.sweepExpired(justBefore)).toBe(0);
    expect(store.sweepExpired(at)).toBe(1);
    // Gone for real, not just hidden: a clock set back does not bring it back.
    expect(await store.getClass('AAAAAAAAAAAA', created)).toBeUndefined();
    expect(store.snapshot('AAAAAAAAAAAA')).toEqual({ learners: [], cells: new Map() });
    expect(store.getCell('AAAAAAAAAAAA', 'L000000001', 'a')).toBeUndefined();
  });

  it('ending a class deletes every learner and cell', async () => {
    const store = await storeWithClass();
    await store.addLearner(
      'AAAAAAAAAAAA',
      { id: 'L000000001', tokenHash: 'h1', name: 'Ana', joinedAt: created.toISOString() },
      300,
    );
    expect(store.deleteClass('AAAAAAAAAAAA')).toBe(true);
    expect(store.learnerByToken('AAAAAAAAAAAA', 'h1')).toBeUndefined();
    expect(store.deleteClass('AAAAAAAAAAAA')).toBe(false);
  });

  it('refuses the learner beyond the limit and bumps the revision on each change', async () => {
    const store = await storeWithClass();
    const add = (i: number) =>
      store.addLearner(
        'AAAAAAAAAAAA',
        { id: `L${String(i).padStart(9, '0')}`, tokenHash: `h${i}`, name: `n${i}`, joinedAt: '' },
        2,
      );
    expect([add(1), add(2), add(3)]).toEqual(['added', 'added', 'full']);
    expect((await store.getClass('AAAAAAAAAAAA', created))?.revision).toBe(2);
  });
});

describe('secrets', () => {
  it('matches only the exact key', () => {
    const h = sha256Hex('the-key');
    expect(secretMatches('the-key', h)).toBe(true);
    expect(secretMatches('the-kez', h)).toBe(false);
    expect(secretMatches(undefined, h)).toBe(false);
    expect(secretMatches('', sha256Hex(''))).toBe(false);
  });
});

describe('class lifetime setting', () => {
  it('defaults to 7 days and takes GML_CLASS_TTL_DAYS when it is a sane number', () => {
    expect(classTtlDaysFromEnv({})).toBe(7);
    expect(classTtlDaysFromEnv({ GML_CLASS_TTL_DAYS: '2' })).toBe(2);
    expect(classTtlDaysFromEnv({ GML_CLASS_TTL_DAYS: '0.5' })).toBe(0.5);
    for (const bad of ['0', '-3', 'soon', '9999'])
      expect(classTtlDaysFromEnv({ GML_CLASS_TTL_DAYS: bad })).toBe(7);
  });
});
