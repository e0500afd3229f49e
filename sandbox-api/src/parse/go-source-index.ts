/**
 * Where each func (declaration or literal) of a Go file starts and ends, what the compiler calls
 * it, and where its receiver and parameter lists are — read from the `@lezer/go` syntax tree
 * (the grammar the editors use), so comments, strings, func types and generics are the
 * parser's business, not a hand-written scanner's.
 *
 * Offsets are UTF-8 bytes because compiler columns are 1-based byte offsets.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/go';

export interface FuncSpan {
  /** Compiler-style name: `F`, `T.M`, `(*T).M`, closures `F.func1`, nested `F.func1.1`. */
  name: string;
  /** Byte offsets: the `func` keyword and one past the body's `}` (or the signature end). */
  start: number;
  end: number;
  literal: boolean;
  /** Receiver and parameter lists (not results), as [open paren, close paren] byte offsets. */
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

const FUNC_NODES = new Set(['FunctionDecl', 'MethodDecl', 'FunctionLiteral']);

/** UTF-16 index → UTF-8 byte offset, for every index of `source` and one past its end. */
function byteOffsets(source: string): Uint32Array {
  const map = new Uint32Array(source.length + 1);
  let bytes = 0;
  for (let i = 0; i < source.length; i++) {
    map[i] = bytes;
    const c = source.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is one 4-byte code point; its low half adds nothing.
      bytes += 4;
      map[++i] = bytes - 4;
    } else bytes += 3;
  }
  map[source.length] = bytes;
  return map;
}

/** `r *T` → `(*T)`, `T[K]` → `T[K]`: how the compiler prefixes a method name. */
function receiverPrefix(receiver: SyntaxNode, source: string): string {
  const param = receiver.getChild('Parameter');
  const typeNode = param?.lastChild ?? receiver;
  const type = source
    .slice(typeNode.from, typeNode.to)
    .replace(/\/\*.*?\*\//gs, '')
    .replace(/\s+/g, ' ')
    .trim();
  return type.startsWith('*') ? `(${type})` : type;
}

/** A func node's name, and which of its `Parameters` lists are inputs (results excluded). */
function describe(node: SyntaxNode, source: string): { name: string; inputs: SyntaxNode[] } {
  const lists = node.getChildren('Parameters');
  const text = (n: SyntaxNode | null) => (n ? source.slice(n.from, n.to) : '');
  if (node.name === 'MethodDecl') {
    const [receiver, params] = lists;
    const prefix = receiver ? receiverPrefix(receiver, source) : '';
    return {
      name: `${prefix}.${text(node.getChild('FieldName'))}`,
      inputs: [receiver, params].filter((n) => n !== undefined),
    };
  }
  if (node.name === 'FunctionDecl') {
    return { name: text(node.getChild('DefName')), inputs: lists.slice(0, 1) };
  }
  return { name: '', inputs: lists.slice(0, 1) };
}

/** Indexes every func declaration and literal in a Go source file. */
export function indexGoSource(source: string): GoSourceIndex {
  const toByte = byteOffsets(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(toByte[i + 1]!);

  const funcs: FuncSpan[] = [];
  parser.parse(source).iterate({
    enter(ref) {
      if (!FUNC_NODES.has(ref.name)) return;
      const { name, inputs } = describe(ref.node, source);
      funcs.push({
        name,
        start: toByte[ref.from]!,
        end: toByte[ref.to]!,
        literal: ref.name === 'FunctionLiteral',
        paramLists: inputs.map((p) => [toByte[p.from]!, toByte[p.to - 1]!] as const),
      });
    },
  });
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
