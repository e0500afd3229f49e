/**
 * Which edition a reader sees. The first visit follows the browser's languages (navigator.languages
 * mirrors Accept-Language) once and remembers the result; after that the remembered value wins,
 * and the language switch overwrites it. Only unprefixed (English) paths redirect: a `/zh/…`
 * address or a `?lang=` parameter is a link that says its language, and it is honoured as is —
 * so a share or class link (unprefixed) opens in the language of whoever opens it.
 *
 * `chooseLocale` is serialised into BaseLayout's inline head script (it must run before first
 * paint, when no module has loaded), so it may use nothing from outside its own body.
 */
export const LOCALE_STORAGE_KEY = 'gml-locale';

export interface LocaleChoice {
  /** Remember this locale (first visit only). */
  store?: 'en' | 'zh';
  /** Replace the location with this path (same page, same query and anchor, other edition). */
  redirect?: string;
}

export function chooseLocale(
  href: string,
  stored: string | null,
  languages: readonly string[],
): LocaleChoice {
  const out: LocaleChoice = {};
  let pref: 'en' | 'zh' = stored === 'zh' ? 'zh' : 'en';
  if (stored !== 'en' && stored !== 'zh') {
    // The first language the site has decides: zh-TW/zh-HK readers also get the zh-CN edition,
    // which beats English for them; an English tag before any Chinese one keeps English.
    for (const tag of languages) {
      const lower = tag.toLowerCase();
      if (lower === 'zh' || lower.startsWith('zh-')) {
        pref = 'zh';
        break;
      }
      if (lower === 'en' || lower.startsWith('en-')) break;
    }
    out.store = pref;
  }
  const url = new URL(href);
  const explicit = url.searchParams.get('lang');
  const prefixed = url.pathname === '/zh' || url.pathname.startsWith('/zh/');
  if (pref === 'zh' && !prefixed && explicit !== 'en') {
    out.redirect = `/zh${url.pathname}${url.search}${url.hash}`;
  }
  return out;
}
