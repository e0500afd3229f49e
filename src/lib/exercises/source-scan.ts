/**
 * Finds things in Go source by its syntax tree (`@lezer/go`, the parser CodeMirror uses, so it
 * runs in Node and the browser alike), not by matching text: a `func name(` inside a comment or
 * a string is not a declaration, and a marker inside a string is not a comment.
 */
import { parser } from '@lezer/go';
import type { SyntaxNode } from '@lezer/common';

/** 1-based line of a character offset. */
function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content[i] === '\n') line++;
  return line;
}

function topLevel(content: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n = parser.parse(content).topNode.firstChild; n; n = n.nextSibling) out.push(n);
  return out;
}

/** The declared name of a function (`DefName`) or method (`FieldName`). */
function declName(content: string, decl: SyntaxNode): string | undefined {
  const name = decl.getChild(decl.name === 'MethodDecl' ? 'FieldName' : 'DefName');
  return name ? content.slice(name.from, name.to) : undefined;
}

const isFunc = (n: SyntaxNode) => n.name === 'FunctionDecl' || n.name === 'MethodDecl';

/** 1-based lines whose `//` comment is exactly the marker (`// want: stack`). */
export function findMarkerLines(content: string, marker: string): number[] {
  const lines: number[] = [];
  parser.parse(content).iterate({
    enter(n) {
      if (n.name !== 'LineComment') return;
      if (content.slice(n.from + 2, n.to).trim() === marker) lines.push(lineAt(content, n.from));
    },
  });
  return lines;
}

/** A function declaration's lines, from `func` to its closing brace. */
export interface FuncSpan {
  name: string;
  start: number;
  end: number;
}

/** Every top-level function and method, in source order. */
export function findFunctions(content: string): FuncSpan[] {
  return topLevel(content)
    .filter(isFunc)
    .flatMap((d) => {
      const name = declName(content, d);
      return name ? [{ name, start: lineAt(content, d.from), end: lineAt(content, d.to) }] : [];
    });
}

/** The function or method declared as `name` (the first, if a method name repeats). */
export function findFunction(content: string, name: string): FuncSpan | undefined {
  return findFunctions(content).find((f) => f.name === name);
}

/** The function whose declaration contains `line`. */
export function enclosingFunction(content: string, line: number): FuncSpan | undefined {
  return findFunctions(content).find((f) => line >= f.start && line <= f.end);
}

/** A parameter as declared: its name (`_` or empty when unnamed) and 1-based line. */
export interface ParamAt {
  name: string;
  line: number;
}

/**
 * The parameter at `position` (0-based, receiver not counted) of function `name`. Goals follow
 * the position because the compiler names a leaking parameter by whatever the code calls it.
 */
export function paramAt(content: string, name: string, position: number): ParamAt | undefined {
  const decl = topLevel(content).find((d) => isFunc(d) && declName(content, d) === name);
  if (!decl) return undefined;
  const lists = decl.getChildren('Parameters');
  const list = decl.name === 'MethodDecl' ? lists[1] : lists[0];
  if (!list) return undefined;
  const params: ParamAt[] = [];
  for (const p of list.getChildren('Parameter')) {
    const names = p.getChildren('DefName');
    if (names.length === 0) params.push({ name: '', line: lineAt(content, p.from) });
    for (const n of names)
      params.push({ name: content.slice(n.from, n.to), line: lineAt(content, n.from) });
  }
  return params[position];
}
