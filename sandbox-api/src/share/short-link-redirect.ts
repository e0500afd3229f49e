/**
 * Where `/s/<id>` sends the browser: the playground loading that share. `?embed=1` on the short
 * link is kept, so an `<iframe>` pointing at a short link stays in the compact embed layout
 * through the redirect (issue 14). A chapter snippet's short link (its Copy link) carries
 * `?at=<page path>&snippet=<snippet id>` and opens that page at that snippet, which loads the
 * share itself; both are checked so the redirect can only point at a path of this site.
 */
const SITE_PATH = /^\/(?:[a-z0-9-]+\/)*[a-z0-9-]*$/;
const SNIPPET_ID = /^[a-z0-9-]{1,64}$/;

export function shortLinkTarget(id: string, query: URLSearchParams): string {
  const at = query.get('at') ?? '';
  const snippet = query.get('snippet') ?? '';
  if (SITE_PATH.test(at) && SNIPPET_ID.test(snippet)) {
    const q = new URLSearchParams({ snippet, share: id });
    return `${at}?${q.toString()}#${snippet}`;
  }
  const embed = query.has('embed') ? '&embed=1' : '';
  return `/play/?s=${encodeURIComponent(id)}${embed}`;
}
