/**
 * What the playground opens with. A short link (`?s=<id>`, where `/s/<id>` redirects) asks the
 * share store; a fragment (`#1.…`) carries everything itself; otherwise the reader's last
 * session, else the default program. Links always win over the session. A link that cannot be
 * opened yields the default state plus a message, never a blank page.
 */
import type { AnalyzeResponse, PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { defaultState } from '../../lib/share/default-state.ts';
import { loadSession } from '../../lib/share/session.ts';
import { decodeState } from '../../lib/share/state-codec.ts';
import { fetchSharedState } from './share-client.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export interface InitialState {
  state: PlaygroundState;
  /** The result recorded with a short link, shown until the reader runs again. */
  recorded?: AnalyzeResponse;
  /** Compare links: variant B's recorded result. */
  recordedB?: AnalyzeResponse;
  /** Why the link could not be opened. */
  message?: string;
  source: 'short-link' | 'hash' | 'session' | 'default';
}

export async function loadInitialState(
  location: Pick<Location, 'search' | 'hash'>,
  /** Where the last session is kept; leave out to ignore it (embeds). */
  session?: Pick<Storage, 'getItem'>,
): Promise<InitialState> {
  const id = new URLSearchParams(location.search).get('s');
  if (id !== null) {
    const shared = await fetchSharedState(id);
    if (!shared.ok) {
      return {
        state: defaultState(),
        source: 'default',
        message: t(documentLocale(), 'play.linkFailed', { why: shared.message }),
      };
    }
    return {
      state: shared.value.state,
      source: 'short-link',
      ...(shared.value.result ? { recorded: shared.value.result } : {}),
      ...(shared.value.resultB ? { recordedB: shared.value.resultB } : {}),
    };
  }
  if (location.hash.length > 1) {
    const decoded = decodeState(location.hash, documentLocale());
    if (!decoded.ok) return { state: defaultState(), source: 'default', message: decoded.message };
    return { state: decoded.state, source: 'hash' };
  }
  const last = loadSession(session);
  if (last) return { state: last, source: 'session' };
  return { state: defaultState(), source: 'default' };
}
