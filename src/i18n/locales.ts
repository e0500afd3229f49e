/**
 * The site's locales. English is served at `/`, Chinese at `/zh/` (Astro i18n routing,
 * `prefixDefaultLocale: false`). Browser-safe: no Node imports.
 */
export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** The value of `<html lang>` for a locale. */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale a site path belongs to (`/zh/…` is Chinese, everything else English). */
export function localeOfPath(pathname: string): Locale {
  return pathname === '/zh' || pathname.startsWith('/zh/') ? 'zh' : 'en';
}

/** The same page in another locale: `/learn/x/` ⇄ `/zh/learn/x/`. Hash and query are kept. */
export function pathInLocale(pathname: string, locale: Locale): string {
  const bare = localeOfPath(pathname) === 'zh' ? pathname.slice(3) || '/' : pathname;
  if (locale === 'en') return bare.startsWith('/') ? bare : `/${bare}`;
  return `/zh${bare.startsWith('/') ? bare : `/${bare}`}`;
}

/**
 * The locale of the page a client script runs on, read from `<html lang>`; English where there is
 * no document (Node: build time and unit tests).
 */
export function documentLocale(doc: Document | undefined = globalThis.document): Locale {
  if (!doc) return defaultLocale;
  return doc.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The locale Astro routed a page to (`Astro.currentLocale`); English when Astro has none. */
export function pageLocale(current: string | undefined): Locale {
  return isLocale(current) ? current : defaultLocale;
}
