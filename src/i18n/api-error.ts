import type { ErrorCode } from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from './locales.ts';
import { t } from './t.ts';

/**
 * The one mapping from an API error (`{code, message}`, protocol.ts) to words on the page: the
 * catalogue entry for `code` (`error.<code>`), with the service's own English phrase as its
 * `{detail}`. English shows that phrase as it is (it already is the English text); Chinese puts
 * its own sentence first and quotes the phrase after it. Without a code (no JSON answer, network
 * failure) the caller's message is all there is.
 */
export function apiErrorText(
  locale: Locale,
  error: { readonly code?: ErrorCode | undefined; readonly message: string },
): string {
  if (error.code === undefined) return error.message;
  return t(locale, `error.${error.code}`, { detail: error.message });
}
