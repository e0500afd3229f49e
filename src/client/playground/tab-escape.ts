/**
 * Keyboard way out of Monaco. Tab indents inside the editor (Go is written with tabs), so a
 * keyboard user needs another way on: Escape then Tab (or Shift+Tab) moves focus to the next
 * (or previous) control, as in the chapter snippets' CodeMirror editors.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first focusable, visible element after (or before) `host` in document order. */
function neighbour(host: HTMLElement, backwards: boolean): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !host.contains(el) && el.getClientRects().length > 0,
  );
  const after = (el: HTMLElement) =>
    (host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return backwards ? all.filter((el) => !after(el)).at(-1) : all.find(after);
}

/** Listens in the capture phase on `host`, so the Tab is taken before Monaco can indent with it. */
export function escapeThenTab(host: HTMLElement): void {
  let escaped = false;
  host.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') {
        escaped = true;
        return;
      }
      if (e.key === 'Tab' && escaped && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        const target = neighbour(host, e.shiftKey);
        // Nothing focusable beyond the editor: let go of focus, the next Tab starts the page over.
        if (target) target.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
      }
      // Modifier keys on their own (Shift for Shift+Tab) keep the Escape armed.
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) escaped = false;
    },
    true,
  );
}
