import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { StaleReason } from './result-freshness.ts';

/** The sentence shown next to an out-of-date result, or '' when it is current. */
export function staleNotice(locale: Locale, reasons: readonly StaleReason[]): string {
  if (reasons.length === 0) return '';
  const named = reasons.map((r) => t(locale, `result.stale.${r}`));
  return t(locale, 'result.stale', { reasons: named.join(t(locale, 'result.stale.join')) });
}
