/** Small DOM helpers: the playground builds its panels without a UI framework. */

type Child = Node | string | null | undefined | false;

/** `h('li', { class: 'x', 'data-line': '3' }, 'text', child)`; falsy children are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** The element matching `selector` inside `root`; throws when the page markup lacks it. */
export function need<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`playground markup is missing ${selector}`);
  return found;
}

/** Text with `backticked` spans as <code>, for the shared plain-language explanations. */
export function withCode(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  text.split('`').forEach((part, i) => frag.append(i % 2 ? h('code', {}, part) : part));
  return frag;
}
