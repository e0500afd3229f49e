/**
 * The top-level function a source line belongs to, for decisions that arrive without one
 * (`-m=1` output names no function). A line scan, not a parser: good enough for the flat files
 * a playground holds, and it never throws.
 */
const FUNC = /^func\s*(?:\(\s*(?:\w+\s+)?\*?\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)/;

/** `T.M` for methods, `f` for functions, undefined before the first declaration. */
export function enclosingFunction(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = FUNC.exec(lines[i] ?? '');
    if (m) return m[1] ? `${m[1]}.${m[2]}` : m[2];
  }
  return undefined;
}
