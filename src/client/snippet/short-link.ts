/**
 * A snippet's short link, both ways. Copy link stores the snippet's state in the share store
 * and copies `/s/<id>?at=<this page>&snippet=<id>` (the service redirects that back here with
 * `?snippet=<id>&share=<id>`); when the store does not answer, the long link that carries the
 * state itself. Opening such a link turns `share=` into the long link's `s=` before the
 * snippet mounts, so the snippet reads its state one way only.
 */
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { encodeState } from '../../lib/share/state-codec.ts';
import { createShareLink, fetchSharedState } from '../playground/share-client.ts';
import { snippetState } from './playground-link.ts';
import type { ToolbarState } from './request.ts';

/** What Copy link puts on the clipboard: the short link if the store answered. */
export async function linkToCopy(
  snippetId: string,
  files: readonly SourceFile[],
  t: ToolbarState,
  longHref: string,
): Promise<{ text: string; short: boolean }> {
  const made = await createShareLink(snippetState(files, t));
  if (!made.ok) return { text: longHref, short: false };
  const q = new URLSearchParams({
    at: location.pathname.replace(/\/$/, '') || '/',
    snippet: snippetId,
  });
  return { text: `${location.origin}${made.value.path}?${q.toString()}`, short: true };
}

/**
 * Replaces `share=<id>` in the address with the state it names (`s=`); returns why not when the
 * store could not give it (the snippet then opens as the chapter has it).
 */
export async function resolveShortLink(snippetId: string): Promise<string | undefined> {
  const q = new URLSearchParams(location.search);
  const id = q.get('share');
  if (q.get('snippet') !== snippetId || id === null) return undefined;
  const got = await fetchSharedState(id);
  q.delete('share');
  if (got.ok) q.set('s', encodeState({ v: 1, a: got.value.state.a }));
  history.replaceState(null, '', `${location.pathname}?${q.toString()}#${snippetId}`);
  return got.ok ? undefined : got.message;
}
