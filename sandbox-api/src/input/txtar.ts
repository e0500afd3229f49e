import type { SourceFile } from '../protocol.ts';

const MARKER = /^-- (.+?) --\r?$/;

/**
 * Splits playground-style txtar text into files. Text before the first `-- name --` marker
 * is `main.go`, unless it is blank (then it is only the txtar comment and is dropped).
 */
export function splitTxtar(text: string): SourceFile[] {
  const sections: { name: string; lines: string[] }[] = [{ name: 'main.go', lines: [] }];
  for (const line of text.split('\n')) {
    const m = MARKER.exec(line);
    if (m) sections.push({ name: m[1]!.trim(), lines: [] });
    else sections[sections.length - 1]!.lines.push(line);
  }
  const lead = sections[0]!;
  if (lead.lines.join('').trim() === '') sections.shift();
  return sections.map((s) => ({ name: s.name, content: withTrailingNewline(s.lines.join('\n')) }));
}

function withTrailingNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : `${s}\n`;
}
