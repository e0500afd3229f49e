/**
 * File tabs of a multi-file snippet (the ARIA tabs pattern): arrow keys move between tabs,
 * Tab moves on to the editor. Returns the function that shows a given tab.
 */
export function wireTabs(root: HTMLElement, id: string): (tab: HTMLElement) => void {
  const tabs = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
  const editorFor = (t: HTMLElement) =>
    root.querySelector<HTMLElement>(
      `.sn-editor[data-file="${CSS.escape(t.dataset['file'] ?? '')}"]`,
    );

  function showTab(tab: HTMLElement): void {
    for (const t of tabs) {
      t.setAttribute('aria-selected', t === tab ? 'true' : 'false');
      t.tabIndex = t === tab ? 0 : -1;
      const host = editorFor(t);
      if (host) host.hidden = t !== tab;
    }
  }

  tabs.forEach((t, i) => {
    const host = editorFor(t);
    if (host) {
      host.id = `${id}-file-${i}`;
      host.setAttribute('role', 'tabpanel');
      host.setAttribute('aria-label', t.textContent?.trim() ?? '');
      t.setAttribute('aria-controls', host.id);
    }
    t.tabIndex = t.getAttribute('aria-selected') === 'true' ? 0 : -1;
    t.addEventListener('keydown', (ev) => {
      const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      ev.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length]!;
      showTab(next);
      next.focus();
    });
  });
  return showTab;
}
