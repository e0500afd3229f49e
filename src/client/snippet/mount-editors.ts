import type { SnippetConfig } from '../../components/snippet/config.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Knob } from '../../lib/content/snippet-schema.ts';
import { t } from '../../i18n/t.ts';
import { decodeState } from '../../lib/share/state-codec.ts';
import { createEditor, type EditorCallbacks, type SnippetEditor } from './editor.ts';
import type { StoredFile } from './storage.ts';

/** The code and options a "Link to this snippet" carries for snippet `id`, if the URL has one. */
export function linkedState(id: string) {
  const q = new URLSearchParams(location.search);
  if (q.get('snippet') !== id) return undefined;
  const decoded = decodeState(q.get('s') ?? '');
  return decoded.ok ? decoded.state.a : undefined;
}

/**
 * Puts one editor after each file's static `<pre>` (which is hidden, not removed), starting
 * from the saved or linked text when there is one.
 */
export function mountEditors(
  root: HTMLElement,
  config: SnippetConfig,
  saved: readonly StoredFile[] | undefined,
  locale: Locale,
  callbacks: (editor: () => SnippetEditor) => EditorCallbacks,
): Map<string, SnippetEditor> {
  const editors = new Map<string, SnippetEditor>();
  for (const f of config.files) {
    const pre = root.querySelector<HTMLElement>(`pre.sn-static[data-file="${CSS.escape(f.name)}"]`);
    const host = document.createElement('div');
    host.className = 'sn-editor';
    host.dataset['file'] = f.name;
    host.hidden = pre?.hidden ?? false;
    pre?.after(host);
    const start = saved?.find((s) => s.name === f.name)?.content ?? f.content;
    const editor: SnippetEditor = createEditor(
      host,
      start,
      callbacks(() => editor),
      t(locale, 'snippet.editorLabel', { file: f.name }),
    );
    editors.set(f.name, editor);
    pre?.setAttribute('hidden', '');
    pre?.classList.add('sn-replaced');
  }
  return editors;
}

/** Sets the toolbar to the options a snippet link carries. */
export function applyLinkedToolbar(
  root: HTMLElement,
  linked: NonNullable<ReturnType<typeof linkedState>>,
  knobs: readonly Knob[],
): void {
  const set = (name: string, value: string) => {
    const f = root.querySelector<HTMLInputElement | HTMLSelectElement>(
      `.sn-toolbar [name="${name}"]`,
    );
    if (f) f.value = value;
  };
  set('mode', linked.mode);
  set('escapeDetail', String(linked.escapeDetail));
  const inline = root.querySelector<HTMLInputElement>('.sn-toolbar [name="inline"]');
  if (inline) inline.checked = linked.inline;
  for (const k of knobs) set(k, linked.env[k] ?? '');
}
