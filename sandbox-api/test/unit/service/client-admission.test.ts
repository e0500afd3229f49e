import { describe, expect, it } from 'vitest';
import { ClientAdmission } from '../../../src/admission/client-admission.ts';
import { ClientRate } from '../../../src/admission/client-rate.ts';
import { ApiFailure } from '../../../src/errors.ts';

function refusal(f: () => unknown): ApiFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('per-client admission', () => {
  it('refuses a client beyond its limit with 429 client_busy + Retry-After, others still pass', () => {
    const adm = new ClientAdmission(2);
    const r1 = adm.acquire('a');
    adm.acquire('a');
    const e = refusal(() => adm.acquire('a'));
    expect(e.status).toBe(429);
    expect(e.body.code).toBe('client_busy');
    expect(e.retryAfter).toBeGreaterThanOrEqual(1);
    expect(() => adm.acquire('b')).not.toThrow();
    r1();
    r1(); // idempotent: a second release must not free a second place
    adm.acquire('a');
    expect(() => adm.acquire('a')).toThrow(ApiFailure);
  });

  it('logs a client reaching its limit once per episode, by pseudonym, never by address', () => {
    const lines: string[] = [];
    const adm = new ClientAdmission(1, (l) => lines.push(l));
    const release = adm.acquire('203.0.113.9');
    expect(() => adm.acquire('203.0.113.9')).toThrow(ApiFailure);
    expect(() => adm.acquire('203.0.113.9')).toThrow(ApiFailure);
    expect(lines).toEqual([
      `client ${adm.pseudonym('203.0.113.9')} reached its limit of 1 requests in flight; refusing more with 429`,
    ]);
    release();
    adm.acquire('203.0.113.9');
    expect(() => adm.acquire('203.0.113.9')).toThrow(ApiFailure);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('203.0.113');
  });

  it('health shows counts under salted pseudonyms, busiest first, never the address', () => {
    const adm = new ClientAdmission(3);
    adm.acquire('127.0.0.2');
    adm.acquire('127.0.0.2');
    const release = adm.acquire('127.0.0.3');
    const snap = adm.snapshot();
    expect(snap).toMatchObject({ maxInFlight: 3, active: 2 });
    expect(snap.busiest.map((b) => b.inFlight)).toEqual([2, 1]);
    expect(JSON.stringify(snap)).not.toContain('127.0.0');
    expect(snap.busiest[0]?.client).toBe(adm.pseudonym('127.0.0.2'));
    // Another process (another salt) gives another name: the hash cannot be looked up.
    expect(new ClientAdmission(3).pseudonym('127.0.0.2')).not.toBe(adm.pseudonym('127.0.0.2'));
    release();
    expect(adm.snapshot().active).toBe(1);
  });
});

describe('per-client rate', () => {
  it('allows a burst of perMinute, then refuses until a token has come back', () => {
    let now = 0;
    const rate = new ClientRate(3, { now: () => now });
    for (let i = 0; i < 3; i++) rate.take('a');
    const e = refusal(() => rate.take('a'));
    expect(e.status).toBe(429);
    expect(e.retryAfter).toBe(20);
    rate.take('b');
    now += 20_000;
    expect(() => rate.take('a')).not.toThrow();
  });
});
