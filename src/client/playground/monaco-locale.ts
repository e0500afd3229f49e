/**
 * Monaco's own strings (find widget, context menu, hovers) in the page's language. Monaco looks
 * its strings up by number in a global table, some of them while its modules load, so the table
 * must be in place before `./monaco.ts` is imported. English is built in; Chinese loads the
 * zh-cn table that ships with monaco-editor (same release, so the numbers match), on the
 * playground only.
 */
import type { Locale } from '../../i18n/locales.ts';

export async function loadMonacoMessages(locale: Locale): Promise<void> {
  if (locale === 'zh') await import('monaco-editor/nls/lang/zh-cn.js');
}
