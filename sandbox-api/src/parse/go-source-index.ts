/**
 * A light scan of Go source: where each func (declaration or literal) starts and ends, what the
 * compiler calls it, and where its receiver and parameter lists are. Not a parser: it skips
 * comments, strings and runes and matches brackets, which is all the decision mapping needs.
 *
 * Works on UTF-8 bytes because compiler columns are 1-based byte offsets.
 */

export interface FuncSpan {
  /** Compiler-style name: `F`, `T.M`, `(*T).M`, closures `F.func1`, nested `F.func1.1`. */
  name: string;
  /** Byte offsets: the `func` keyword and one past the body's `}` (or the signature end). */
  start: number;
  end: number;
  literal: boolean;
  /** Receiver and parameter lists, as [open paren, close paren] byte offsets. */
  paramLists: Array<readonly [number, number]>;
}

export interface GoSourceIndex {
  funcs: FuncSpan[];
  /** Byte offset of a 1-based line and column (column 1 when absent). */
  offsetOf(line: number, column?: number): number | undefined;
  /** Innermost func containing the position, by compiler-style name. */
  enclosingFunction(line: number, column?: number): string | undefined;
  /** The position is inside some func's receiver or parameter list. */
  inParamList(line: number, column: number): boolean;
}

const SPACE = new Set([0x20, 0x09, 0x0d]);
const isIdent = (c: number | undefined): boolean =>
  c !== undefined &&
  ((c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c >= 0x80);

/** Index just past a comment, string or rune starting at i, or i when there is none. */
function skipLiteral(src: Uint8Array, i: number): number {
  const c = src[i];
  const next = src[i + 1];
  if (c === 0x2f && next === 0x2f) {
    while (i < src.length && src[i] !== 0x0a) i++;
    return i;
  }
  if (c === 0x2f && next === 0x2a) {
    const close = findSeq(src, i + 2, 0x2a, 0x2f);
    return close < 0 ? src.length : close + 2;
  }
  if (c === 0x60) {
    const close = src.indexOf(0x60, i + 1);
    return close < 0 ? src.length : close + 1;
  }
  if (c === 0x22 || c === 0x27) {
    let j = i + 1;
    while (j < src.length && src[j] !== c && src[j] !== 0x0a) j += src[j] === 0x5c ? 2 : 1;
    return j + 1;
  }
  return i;
}

function findSeq(src: Uint8Array, from: number, a: number, b: number): number {
  for (let i = from; i + 1 < src.length; i++) if (src[i] === a && src[i + 1] === b) return i;
  return -1;
}

/** Offset of the bracket closing the one at `open`, or -1. */
function matchBracket(src: Uint8Array, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length;) {
    const skipped = skipLiteral(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = src[i]!;
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

/** Skips spaces, tabs and comments (and newlines when allowed). */
function skipSpace(src: Uint8Array, i: number, newlines: boolean): number {
  for (;;) {
    while (i < src.length && (SPACE.has(src[i]!) || (newlines && src[i] === 0x0a))) i++;
    if (src[i] === 0x2f && src[i + 1] === 0x2a) {
      i = skipLiteral(src, i);
      continue;
    }
    return i;
  }
}

function identEnd(src: Uint8Array, i: number): number {
  let j = i;
  while (isIdent(src[j])) j++;
  return j;
}

function identAt(src: Uint8Array, i: number): string {
  return new TextDecoder().decode(src.subarray(i, identEnd(src, i)));
}

/** `r *T` → `(*T)`, `T[K]` → `T[K]`: how the compiler prefixes a method name. */
function receiverPrefix(text: string): string {
  const inner = text.replace(/\/\*.*?\*\//g, '').trim();
  const m = /^[\p{L}_][\p{L}\p{N}_]*\s+(.+)$/su.exec(inner);
  const type = (m ? m[1]! : inner).replace(/\s+/g, ' ').trim();
  return type.startsWith('*') ? `(${type})` : type;
}

interface Signature {
  name: string;
  paramLists: Array<readonly [number, number]>;
  /** Offset of the body's `{`, or -1 for a func type or a body-less declaration. */
  bodyOpen: number;
  sigEnd: number;
}

/** Reads `func [recv] [Name][TypeParams](params) results {` from the keyword at `at`. */
function readSignature(src: Uint8Array, at: number): Signature | undefined {
  const decode = (a: number, b: number) => new TextDecoder().decode(src.subarray(a, b));
  const paramLists: Array<readonly [number, number]> = [];
  let i = skipSpace(src, at + 4, false);
  let name = '';
  if (src[i] === 0x28) {
    const close = matchBracket(src, i);
    if (close < 0) return undefined;
    const after = skipSpace(src, close + 1, false);
    const identStop = identEnd(src, after);
    // `func (r T) M(` is a method; `func(x int) int {` is a literal whose result is `int`.
    if (identStop > after && src[skipSpace(src, identStop, false)] === 0x28) {
      paramLists.push([i, close]);
      name = `${receiverPrefix(decode(i + 1, close))}.${decode(after, identStop)}`;
      i = skipSpace(src, identStop, false);
    }
  } else if (isIdent(src[i])) {
    name = identAt(src, i);
    i = skipSpace(src, identEnd(src, i), false);
    if (src[i] === 0x5b) i = skipSpace(src, matchBracket(src, i) + 1, false);
  } else return undefined;
  if (src[i] !== 0x28) return undefined;
  const close = matchBracket(src, i);
  if (close < 0) return undefined;
  paramLists.push([i, close]);
  // Results: types up to the body's `{`, which Go requires on the same line.
  let j = close + 1;
  for (;;) {
    j = skipSpace(src, j, false);
    const c = src[j];
    if (c === undefined || c === 0x0a || c === 0x3b || c === 0x2c || c === 0x3d) break;
    if (c === 0x29 || c === 0x5d || c === 0x7d) break;
    if (c === 0x2f && src[j + 1] === 0x2f) break;
    if (c === 0x28 || c === 0x5b) {
      j = matchBracket(src, j) + 1;
      if (j === 0) break;
      continue;
    }
    if (c === 0x7b) {
      const before = decode(Math.max(0, j - 10), j).trimEnd();
      if (/(?:struct|interface)$/.test(before)) {
        j = matchBracket(src, j) + 1;
        if (j === 0) break;
        continue;
      }
      return { name, paramLists, bodyOpen: j, sigEnd: j };
    }
    j = isIdent(c) ? identEnd(src, j) : j + 1;
  }
  return { name, paramLists, bodyOpen: -1, sigEnd: j };
}

/** Indexes every func declaration and literal in a Go source file. */
export function indexGoSource(source: string): GoSourceIndex {
  const src = new TextEncoder().encode(source);
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === 0x0a) lineStarts.push(i + 1);

  const funcs: FuncSpan[] = [];
  for (let i = 0; i < src.length;) {
    const skipped = skipLiteral(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const isFunc =
      src[i] === 0x66 && identAt(src, i) === 'func' && !isIdent(src[i - 1]) && src[i - 1] !== 0x2e;
    if (!isFunc) {
      i++;
      continue;
    }
    const sig = readSignature(src, i);
    // A literal without a body is a func type (`f func(int) int`): no code, no closure name.
    if (sig && !(sig.name === '' && sig.bodyOpen < 0)) {
      const end = sig.bodyOpen < 0 ? sig.sigEnd : matchBracket(src, sig.bodyOpen) + 1;
      funcs.push({
        name: sig.name,
        start: i,
        end: end <= 0 ? src.length : end,
        literal: sig.name === '',
        paramLists: sig.paramLists,
      });
    }
    // Resume at the body: a `func` inside the signature (`f func(int)`, a `func() int`
    // result) is a type, and its `{`-less shape would otherwise grab this body.
    i = sig && sig.bodyOpen > i ? sig.bodyOpen : i + 4;
  }
  nameLiterals(funcs);

  const offsetOf = (line: number, column?: number): number | undefined => {
    const start = lineStarts[line - 1];
    return start === undefined ? undefined : start + (column ?? 1) - 1;
  };
  // A position on a literal's `func` keyword is the literal as an expression of its parent.
  const innermost = (off: number) =>
    funcs
      .filter((f) => (f.literal ? f.start < off : f.start <= off) && off < f.end)
      .sort((a, b) => b.start - a.start)[0];

  return {
    funcs,
    offsetOf,
    enclosingFunction(line, column) {
      const off = offsetOf(line, column);
      return off === undefined ? undefined : innermost(off)?.name || undefined;
    },
    inParamList(line, column) {
      const off = offsetOf(line, column);
      return (
        off !== undefined && funcs.some((f) => f.paramLists.some(([a, b]) => a < off && off < b))
      );
    },
  };
}

/**
 * Names literals as the compiler does: `F.func1`, `F.func2` in source order inside F, and
 * `F.func1.1` for a literal inside `F.func1`. Package-level literals are `glob..funcN`.
 */
function nameLiterals(funcs: FuncSpan[]): void {
  const counters = new Map<string, number>();
  const sorted = [...funcs].sort((a, b) => a.start - b.start);
  for (const f of sorted) {
    if (!f.literal) continue;
    const parent = sorted
      .filter((p) => p !== f && p.start < f.start && f.start < p.end && p.name !== '')
      .sort((a, b) => b.start - a.start)[0];
    const base = parent ? parent.name : 'glob.';
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    f.name = parent?.literal ? `${base}.${n}` : `${base}.func${n}`;
  }
}
