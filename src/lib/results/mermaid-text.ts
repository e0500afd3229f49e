/**
 * Text safe inside a quoted Mermaid label. Mermaid decodes `#name;` / `#123;` entities, so
 * quotes, angle brackets (the `←` flows are fine, `<-` is not), `#` and backticks (which would
 * start a markdown string) are written that way.
 */
export function mermaidText(s: string): string {
  return s.replace(/[#"<>`&]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A quoted label from lines; `<br/>` breaks lines because labels are rendered as HTML. */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}
