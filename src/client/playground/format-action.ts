/**
 * Format in the playground: Shift+Alt+F (Monaco's usual chord) and the Format button run gofmt
 * on the file on screen. gofmt's text goes in as one undoable edit that keeps the cursor among
 * the same tokens; syntax errors become markers at their lines and leave the code alone.
 */
import { mapOffset, textChange } from '../../lib/share/format-edit.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { formatCode } from '../snippet/format-code.ts';
import type { Monaco } from './monaco.ts';

type Editor = ReturnType<Monaco['editor']['create']>;
const OWNER = 'gofmt';

export function bindFormat(
  monaco: Monaco,
  editor: Editor,
  button: HTMLButtonElement,
  locale: Locale,
  say: (text: string | undefined, error?: boolean) => void,
): void {
  async function formatNow(): Promise<void> {
    const model = editor.getModel();
    if (!model) return;
    const before = model.getValue();
    const version = model.getAlternativeVersionId();
    say(t(locale, 'format.busy'));
    const out = await formatCode(before, locale);
    // The reader typed (or switched file) while gofmt ran: their newer text wins.
    if (editor.getModel() !== model || model.getAlternativeVersionId() !== version) {
      return say(undefined);
    }
    if (!out.ok) {
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        out.errors.map((e) => ({
          severity: monaco.MarkerSeverity.Error,
          message: `gofmt: ${e.message}`,
          startLineNumber: e.line,
          startColumn: e.column ?? 1,
          endLineNumber: e.line,
          endColumn: model.getLineMaxColumn(Math.min(Math.max(e.line, 1), model.getLineCount())),
        })),
      );
      const first = out.errors[0];
      if (first) editor.revealLineInCenter(first.line);
      return say(out.message, true);
    }
    monaco.editor.setModelMarkers(model, OWNER, []);
    const change = textChange(before, out.text);
    if (!change) return say(t(locale, 'format.unchanged'));
    const head = model.getOffsetAt(editor.getPosition() ?? { lineNumber: 1, column: 1 });
    const at = model.getPositionAt(mapOffset(before, out.text, head));
    const from = model.getPositionAt(change.from);
    const to = model.getPositionAt(change.to);
    editor.pushUndoStop();
    editor.executeEdits(
      OWNER,
      [
        {
          range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
          text: change.insert,
        },
      ],
      [new monaco.Selection(at.lineNumber, at.column, at.lineNumber, at.column)],
    );
    editor.pushUndoStop();
    say(t(locale, 'format.done'));
  }
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => {
    void formatNow();
  });
  button.addEventListener('click', () => void formatNow());
}
