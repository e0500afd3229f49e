import { describe, expect, it } from 'vitest';
import { shortLinkTarget } from '../../../src/share/short-link-redirect.ts';

describe('shortLinkTarget', () => {
  it('opens the playground on the share, keeping embed mode', () => {
    expect(shortLinkTarget('abc123', new URLSearchParams())).toBe('/play/?s=abc123');
    expect(shortLinkTarget('abc123', new URLSearchParams('embed=1'))).toBe(
      '/play/?s=abc123&embed=1',
    );
    expect(shortLinkTarget('a/b', new URLSearchParams('x=1'))).toBe('/play/?s=a%2Fb');
  });
});
