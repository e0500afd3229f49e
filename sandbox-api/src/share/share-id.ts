/**
 * Content-addressed share ids: base62 of the first 10 bytes (80 bits) of sha256 over the
 * canonical state JSON, left-padded to a fixed 14 characters. 80 bits keep collisions out of
 * reach for any plausible number of links while the URL stays short.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHARE_ID_LENGTH = 14;
export const SHARE_ID_PATTERN = /^[0-9A-Za-z]{14}$/;

export function base62(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)]! + out;
    n /= 62n;
  }
  return out;
}

export function shareId(canonicalJson: string): string {
  const digest = createHash('sha256').update(canonicalJson, 'utf8').digest();
  return base62(digest.subarray(0, 10)).padStart(SHARE_ID_LENGTH, '0');
}
