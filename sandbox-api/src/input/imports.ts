import { parser } from '@lezer/go';

/** An import path and where it was written. */
export interface ImportSpec {
  path: string;
  /** 1-based line and byte column, as the compiler counts them. */
  line: number;
  column: number;
}

/** The package clause and import declarations of one Go file. */
export interface FileHeader {
  packageName: string | undefined;
  imports: ImportSpec[];
}

/**
 * Reads `package x` and every `import` declaration (single or parenthesised) of a file from the
 * `@lezer/go` syntax tree, so `import` inside a comment or string is never a declaration.
 * Imports must come right after the package clause: the first other declaration ends them
 * (the compiler rejects a later one anyway; this check must not see more than it does).
 */
export function scanHeader(src: string): FileHeader {
  const top = parser.parse(src).topNode;
  const text = (from: number, to: number) => src.slice(from, to);
  let packageName: string | undefined;
  const imports: ImportSpec[] = [];
  for (let node = top.firstChild; node; node = node.nextSibling) {
    if (node.name === 'LineComment' || node.name === 'BlockComment' || node.name === ';') continue;
    if (node.name === 'PackageClause') {
      const name = node.getChild('DefName');
      if (name) packageName = text(name.from, name.to);
      continue;
    }
    if (node.name !== 'ImportDecl') break;
    const specs =
      node.getChild('SpecList')?.getChildren('ImportSpec') ?? node.getChildren('ImportSpec');
    for (const spec of specs) {
      const lit = spec.getChild('String');
      if (!lit) continue;
      const { line, column } = positionOf(src, lit.from);
      imports.push({ path: unquote(text(lit.from, lit.to)), line, column });
    }
  }
  return { packageName, imports };
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
};

/**
 * The value of a Go string literal, escapes included (`"github\x2ecom/x"` is `github.com/x`, and
 * the std-only check must see what the compiler sees). Unterminated literals keep what they have.
 */
function unquote(literal: string): string {
  const quote = literal[0];
  const closed = literal.length > 1 && literal.endsWith(quote ?? '');
  const body = literal.slice(1, closed ? -1 : undefined);
  if (quote === '`') return body;
  const bytes: number[] = [];
  const utf8 = (s: string) => bytes.push(...new TextEncoder().encode(s));
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      utf8(c);
      continue;
    }
    const e = body[++i] ?? '';
    const hex = (n: number) => {
      const v = parseInt(body.slice(i + 1, i + 1 + n), 16);
      i += n;
      return v;
    };
    if (e in SIMPLE_ESCAPES) bytes.push(SIMPLE_ESCAPES[e]!);
    else if (e === 'x') bytes.push(hex(2));
    else if (e === 'u') utf8(String.fromCodePoint(hex(4)));
    else if (e === 'U') utf8(String.fromCodePoint(hex(8)));
    else if (/[0-7]/.test(e)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else utf8(e);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** 1-based line and byte column of a string index. */
function positionOf(src: string, index: number): { line: number; column: number } {
  const lineStart = src.lastIndexOf('\n', index - 1) + 1;
  const line = src.slice(0, lineStart).split('\n').length;
  return { line, column: new TextEncoder().encode(src.slice(lineStart, index)).length + 1 };
}

/**
 * Whether an import path names a standard-library package: std paths have no dot in their
 * first element (the rule `go` itself uses to tell std from module paths).
 */
export function isStdImport(path: string): boolean {
  if (path === 'C') return false;
  const first = path.split('/')[0] ?? '';
  return first !== '' && !first.includes('.') && path !== 'main';
}
