import { describe, expect, it } from 'vitest';
import { base62, shareId, SHARE_ID_PATTERN } from '../../../src/share/share-id.ts';

describe('share ids', () => {
  it('encodes bytes in base62 as a big-endian number', () => {
    expect(base62(new Uint8Array([0, 61]))).toBe('z');
    expect(base62(new Uint8Array([0, 62]))).toBe('10');
    expect(base62(new Uint8Array([1, 0]))).toBe('48'); // 256 = 4*62 + 8
  });

  it('is a fixed-length function of the text alone', () => {
    const a = shareId('{"v":1}');
    expect(a).toMatch(SHARE_ID_PATTERN);
    expect(shareId('{"v":1}')).toBe(a);
    expect(shareId('{"v":2}')).not.toBe(a);
  });

  it('pads short encodings so every id matches the pattern', () => {
    // Try enough inputs that one hash starts with a zero byte and encodes short.
    for (let i = 0; i < 2000; i++) expect(shareId(String(i))).toMatch(SHARE_ID_PATTERN);
  });
});
