/**
 * Ids and secrets of classes. Class and learner ids are public (they appear in links and on the
 * dashboard); the instructor's key and the learner's token are secrets, stored only as sha256
 * and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { base62 } from '../share/share-id.ts';

/** `chars` base62 characters from fresh random bytes (enough bytes that none run short). */
function randomId(chars: number): string {
  for (;;) {
    const s = base62(randomBytes(Math.ceil(chars * 0.75) + 2));
    if (s.length >= chars) return s.slice(0, chars);
  }
}

/** 12 base62 characters ≈ 71 bits: unguessable enough that join links cannot be enumerated. */
export const newClassId = (): string => randomId(12);
export const newLearnerId = (): string => randomId(10);
/** 128 bits, base64url: the instructor's dashboard key. */
export const newClassKey = (): string => randomBytes(16).toString('base64url');

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `expectedHash`, without leaking where they differ. */
export function secretMatches(secret: string | undefined, expectedHash: string): boolean {
  if (secret === undefined || secret.length === 0 || secret.length > 200) return false;
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(expectedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
