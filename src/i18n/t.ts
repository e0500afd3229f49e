import type { Locale } from './locales.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { zh } from './messages/zh.ts';

export type { MessageKey, Messages };

const catalogues: Record<Locale, Messages> = { en, zh };

/**
 * The UI string `key` in `locale`, with `{name}` placeholders filled from `params`.
 * One function for Astro pages (locale from `Astro.currentLocale`) and client islands
 * (locale from `documentLocale()`), so both render from the same catalogue.
 */
export function t(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `t` bound to one locale, for a component that renders many strings. */
export function translator(
  locale: Locale,
): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => t(locale, key, params);
}
