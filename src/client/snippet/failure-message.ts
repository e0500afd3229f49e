import type { AnalyzeFailure } from '../../lib/api/client.ts';
import { documentLocale, type Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';
import { apiErrorText } from '../../i18n/api-error.ts';

/**
 * A failed run in plain words, in the page's language; says what is kept so nobody fears for
 * their code. An error with a `code` is worded from the catalogue (apiErrorText), the server's
 * own phrase only as its detail.
 */
export function failureMessage(
  e: AnalyzeFailure,
  hasRecorded: boolean,
  locale: Locale = documentLocale(),
): string {
  const tr = translator(locale);
  const kept = tr(hasRecorded ? 'fail.keptRecorded' : 'fail.kept');
  // The service's messages are phrases ("GOMAXPROCS may be at most 2 here"): end the sentence.
  const text = apiErrorText(locale, e);
  const said =
    locale === 'zh'
      ? /[。！？]$/.test(text)
        ? text
        : `${text}。`
      : /[.!?)]$/.test(text)
        ? text
        : `${text}.`;
  switch (e.kind) {
    case 'unreachable':
      return tr('fail.unreachable', { kept });
    case 'invalid-response':
      return tr('fail.invalid', { kept });
    case 'http':
      if (e.status === 429) return tr('fail.busy', { kept });
      if (e.status !== undefined && e.status >= 500)
        return tr('fail.server', { status: e.status, message: said, kept });
      return tr('fail.refused', { message: said, kept });
  }
}
