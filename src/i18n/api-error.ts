import type { ErrorCode } from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from './locales.ts';
import { t, type MessageKey } from './t.ts';

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

/** Words for an error answer that is not the contract's JSON (a proxy's page, an empty body). */
const STATUS_TEXT: Partial<Record<number, MessageKey>> = {
  400: 'http.400',
  413: 'http.413',
  429: 'http.429',
  500: 'http.500',
  502: 'http.502',
  503: 'http.503',
  504: 'http.504',
};

export function httpStatusText(locale: Locale, status: number): string {
  const key = STATUS_TEXT[status];
  return key ? t(locale, key) : t(locale, 'http.other', { status });
}

/** A 2xx answer the wire contract refuses: its first issue, as zod words it. */
export function badShapeText(
  locale: Locale,
  issues: readonly { readonly message: string }[],
): string {
  return t(locale, 'http.badShape', { issue: issues[0]?.message ?? 'invalid' });
}
