import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { Monaco } from './monaco.ts';
import { escapeThenTab } from './tab-escape.ts';

export type Editor = ReturnType<Monaco['editor']['create']>;
type Model = Parameters<Editor['setModel']>[0];

/** The playground's one Monaco editor in `host`, following the site's theme. */
export function createPlaygroundEditor(
  monaco: Monaco,
  editorTheme: () => string,
  host: HTMLElement,
  model: Model,
  locale: Locale,
): Editor {
  host.replaceChildren();
  const editor = monaco.editor.create(host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    // The default dims the number of the line after a final newline below axe's contrast floor.
    renderFinalNewline: 'on',
    tabSize: 4,
    insertSpaces: false,
    theme: editorTheme(),
    ariaLabel: t(locale, 'play.editorLabel'),
  });
  escapeThenTab(host);
  document.addEventListener('gml-themechange', () => {
    monaco.editor.setTheme(editorTheme());
  });
  return editor;
}
