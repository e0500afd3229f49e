/** Class secrets and lifetime; the stores themselves: integration/class-store-contract.test.ts. */
import { describe, expect, it } from 'vitest';
import { sha256Hex, secretMatches } from '../../../src/classes/class-secrets.ts';
import { classTtlDaysFromEnv } from '../../../src/classes/routes.ts';

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
