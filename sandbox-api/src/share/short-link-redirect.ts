/**
 * Where `/s/<id>` sends the browser: the playground loading that share. `?embed=1` on the short
 * link is kept, so an `<iframe>` pointing at a short link stays in the compact embed layout
 * through the redirect (issue 14).
 */
export function shortLinkTarget(id: string, query: URLSearchParams): string {
  const embed = query.has('embed') ? '&embed=1' : '';
  return `/play/?s=${encodeURIComponent(id)}${embed}`;
}
