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

  it('opens a chapter at its snippet for a snippet’s short link', () => {
    const q = new URLSearchParams({ at: '/zh/learn/chapter-2/', snippet: 'return-address' });
    expect(shortLinkTarget('abc123', q)).toBe(
      '/zh/learn/chapter-2/?snippet=return-address&share=abc123#return-address',
    );
  });

  it.each([
    ['another site', '//evil.example/x'],
    ['a scheme', 'https://evil.example/'],
    ['a backslash', '/\\evil.example'],
    ['a relative path', 'learn/chapter-2'],
    ['dots', '/learn/../../etc'],
  ])('never redirects to %s: the playground instead', (_, at) => {
    const q = new URLSearchParams({ at, snippet: 'return-address' });
    expect(shortLinkTarget('abc123', q)).toBe('/play/?s=abc123');
  });
});
