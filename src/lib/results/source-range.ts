/** A span inside one document, in UTF-16 offsets (what editors and the DOM use). */
export interface SourceRange {
  /** 1-based line, clamped to the document. */
  line: number;
  /** Absolute offsets into the document text. */
  from: number;
  to: number;
  /** Offsets within the line, 0-based. */
  fromCol: number;
  toCol: number;
}

/** Line start offsets, so many lookups on one document stay linear. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * The compiler counts columns in UTF-8 bytes from 1; editors count UTF-16 units from 0.
 * A column past the end (or inside a multi-byte character) lands on the nearest boundary.
 */
export function byteColumnToIndex(lineText: string, column: number): number {
  let bytes = 0;
  let i = 0;
  while (i < lineText.length && bytes < column - 1) {
    const cp = lineText.codePointAt(i) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

const IDENT = /[\p{L}\p{N}_.]/u;
const TYPE = /[\p{L}\p{N}_.[\]*]/u;
const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function matchBracket(line: string, at: number): number {
  const open = line[at]!;
  const close = CLOSE[open]!;
  let depth = 0;
  for (let i = at; i < line.length; i++) {
    if (line[i] === open) depth++;
    else if (line[i] === close && --depth === 0) return i + 1;
  }
  return line.length;
}

/**
 * The token the compiler pointed at. Columns mark `(` for calls, `{` for literals, `&` for
 * `&T{}`, the name for variables; widen each to something a reader recognises.
 */
export function tokenExtent(line: string, at: number): [number, number] {
  if (at >= line.length) return [Math.max(0, line.length - 1), line.length];
  let start = at;
  let i = at;
  if (line[i] === '&' || line[i] === '*') i++;
  while (i < line.length && IDENT.test(line[i]!)) i++;
  if (i < line.length && line[i]! in CLOSE) {
    // The column sits on the bracket: take in the callee or the literal's type before it.
    const back = line[i] === '{' ? TYPE : IDENT;
    if (i === at) while (start > 0 && back.test(line[start - 1]!)) start--;
    i = matchBracket(line, i);
  }
  return [start, Math.max(i, at + 1)];
}

/** Where a `file:line[:col]` position falls in `text`, clamped to its bounds. */
export function positionToRange(
  text: string,
  line: number,
  column?: number,
  starts: readonly number[] = lineStarts(text),
): SourceRange {
  const n = Math.min(Math.max(line, 1), starts.length);
  const lineFrom = starts[n - 1]!;
  const next = starts[n];
  const lineText = text.slice(lineFrom, next === undefined ? text.length : next - 1);
  if (column === undefined) {
    // Without a column, underline the line's code, not its indentation.
    const indent = lineText.length - lineText.trimStart().length;
    const end = lineText.trimEnd().length;
    const fromCol = Math.min(indent, end);
    return { line: n, from: lineFrom + fromCol, to: lineFrom + end, fromCol, toCol: end };
  }
  const [fromCol, toCol] = tokenExtent(lineText, byteColumnToIndex(lineText, column));
  const clampedTo = Math.min(toCol, lineText.length);
  const clampedFrom = Math.min(fromCol, clampedTo);
  return {
    line: n,
    from: lineFrom + clampedFrom,
    to: lineFrom + clampedTo,
    fromCol: clampedFrom,
    toCol: clampedTo,
  };
}
