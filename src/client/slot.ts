/**
 * The element a page rendered for slot `name` (`data-slot="name"`) inside `root`. The islands
 * fill server-rendered markup; a missing slot is a markup bug, so it throws rather than
 * leaving the reader with a silently dead widget.
 */
export function slot<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[data-slot="${name}"]`);
  if (!el) throw new Error(`page markup lacks [data-slot="${name}"]`);
  return el;
}
