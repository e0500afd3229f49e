/** The file tabs above the editor: select, add (a plain .go name), remove (never the last one). */
import { FileNameSchema } from '@go-memory-lab/sandbox-api/protocol';
import { h } from './dom.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

export interface FileTabsHandlers {
  select(name: string): void;
  add(name: string): void;
  remove(name: string): void;
}

export function renderFileTabs(
  host: HTMLElement,
  names: readonly string[],
  active: string,
  on: FileTabsHandlers,
): void {
  const tr = translator(documentLocale());
  // A list of buttons, not an ARIA tablist: there is one editor, not a panel per tab.
  const tabs = names.map((name) => {
    const tab = h(
      'button',
      { type: 'button', 'aria-current': name === active ? 'true' : undefined, 'data-file': name },
      name,
    );
    tab.addEventListener('click', () => on.select(name));
    const close = h(
      'button',
      { type: 'button', class: 'pg-tab-close', 'aria-label': tr('play.removeFile', { name }) },
      '×',
    );
    close.addEventListener('click', () => {
      if (confirm(tr('play.confirmRemove', { name }))) on.remove(name);
    });
    return h('li', { class: 'pg-tab' }, tab, names.length > 1 ? close : null);
  });
  const add = h(
    'button',
    { type: 'button', class: 'pg-tab-add', 'aria-label': tr('play.addFile') },
    '+',
  );
  add.addEventListener('click', () => {
    const suggested = names.some((n) => n.endsWith('_test.go')) ? 'util.go' : 'main_test.go';
    const name = prompt(tr('play.newFileName'), suggested)?.trim();
    if (!name) return;
    const ok = FileNameSchema.safeParse(name);
    if (!ok.success) alert(ok.error.issues[0]?.message ?? tr('play.badFileName'));
    else if (names.includes(name)) alert(tr('play.fileExists', { name }));
    else on.add(name);
  });
  host.replaceChildren(
    h('ul', { class: 'pg-files', 'aria-label': tr('snippet.files') }, ...tabs),
    add,
  );
}

/** Starting text of a new file: a benchmark skeleton for tests, a bare package otherwise. */
export function newFileContent(name: string): string {
  return name.endsWith('_test.go')
    ? 'package main\n\nimport "testing"\n\nfunc BenchmarkExample(b *testing.B) {\n\tfor b.Loop() {\n\t}\n}\n'
    : 'package main\n';
}
