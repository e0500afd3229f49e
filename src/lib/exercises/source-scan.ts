/**
 * Finds lines in the learner's current code by what they say, not by number, so goals keep
 * working after edits that add or remove lines above them.
 */

/** 1-based lines whose `//` comment is exactly the marker (`// want: stack`). */
export function findMarkerLines(content: string, marker: string): number[] {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`//\\s*${escaped}\\s*$`);
  const lines: number[] = [];
  content.split('\n').forEach((text, i) => {
    if (re.test(text)) lines.push(i + 1);
  });
  return lines;
}

/** First and last line of a function's signature (parameters may span lines). */
export interface SignatureSpan {
  start: number;
  end: number;
}

/**
 * Where `func name(` (or a method `func (r T) name(`) is declared: from the `func` line to the
 * line that opens its body. The compiler reports a parameter's leak at the parameter's name, so
 * a decision inside this span about that name is about this function's parameter.
 */
export function findFuncSignature(content: string, name: string): SignatureSpan | undefined {
  const lines = content.split('\n');
  const re = new RegExp(`^func\\s+(?:\\([^)]*\\)\\s*)?${name}\\s*[[(]`);
  const start = lines.findIndex((l) => re.test(l));
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length - 1 && !/\{\s*\}?\s*(\/\/.*)?$/.test(lines[end]!)) end++;
  return { start: start + 1, end: end + 1 };
}
