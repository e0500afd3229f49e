/**
 * Format in a chapter snippet: gofmt's text goes in as one CodeMirror change, so the cursor keeps
 * its place among the tokens and one undo (Ctrl+Z) brings back what the reader typed. Syntax
 * errors leave the code alone and point at their first line.
 */
import { mapOffset, textChange } from '../../lib/share/format-edit.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { SnippetEditor } from './editor.ts';
import { formatCode } from './format-code.ts';

type Say = (text: string, tone?: 'info' | 'error' | 'busy') => void;

export async function formatSnippetEditor(
  editor: SnippetEditor,
  locale: Locale,
  say: Say,
): Promise<void> {
  const before = editor.text();
  say(t(locale, 'format.busy'), 'busy');
  const out = await formatCode(before, locale);
  if (!out.ok) {
    say(out.message, 'error');
    const first = out.errors[0];
    if (first) editor.flash(first.line);
    return;
  }
  // The reader typed while gofmt ran: their newer text wins; Format can be pressed again.
  if (editor.text() !== before) return say('');
  const change = textChange(before, out.text);
  if (!change) return say(t(locale, 'format.unchanged'));
  const { view } = editor;
  const head = mapOffset(before, out.text, view.state.selection.main.head);
  view.dispatch({ changes: change, selection: { anchor: head }, userEvent: 'input.format' });
  say(t(locale, 'format.done'));
}
