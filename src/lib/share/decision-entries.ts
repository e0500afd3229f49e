/**
 * Decisions as diffDecisions compares them: each with its enclosing function, a family (what
 * kind of thing it is about) and a state, grouped by what identifies the same decision on both
 * sides of a comparison.
 */
import type { Decision, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { sameFile } from '../results/same-file.ts';
import type { ChangeState } from './change-text.ts';
import { enclosingFunction } from './enclosing-function.ts';

export type Family = 'alloc' | 'var' | 'param' | 'inline' | 'call';
export type Entry = {
  d: Decision;
  fn: string | undefined;
  family: Family;
  state: ChangeState;
  /** Functions the value was inlined from, when the service sent `-json` inline chains. */
  origins: string[];
  /** Inlined from code outside the playground's files (the standard library), e.g. `testing/benchmark.go`. */
  foreign: string | undefined;
};

const FAMILY: Partial<Record<Decision['kind'], [Family, ChangeState]>> = {
  'moved-to-heap': ['var', 'heap'],
  'escapes-to-heap': ['alloc', 'heap'],
  'does-not-escape': ['alloc', 'stack'],
  'param-does-not-escape': ['param', 'doesNotEscape'],
  'leaking-param': ['param', 'leaks'],
  'leaking-param-content': ['param', 'leaksContent'],
  'leaking-param-to-result': ['param', 'leaksToResult'],
  'can-inline': ['inline', 'inlinable'],
  'cannot-inline': ['inline', 'notInlinable'],
  'inlining-call': ['call', 'inlined'],
};

export function entries(
  decisions: readonly Decision[],
  files: readonly SourceFile[] = [],
): Entry[] {
  const out: Entry[] = [];
  for (const d of decisions) {
    const fam = FAMILY[d.kind];
    if (!fam) continue;
    const fnAt = (file: string, line: number) => {
      const src = files.find((f) => sameFile(file, f.name));
      return src ? enclosingFunction(src.content, line) : undefined;
    };
    const fn = d.function ?? fnAt(d.file, d.line);
    const origins = (d.inlinedFrom ?? [])
      .map((p) => fnAt(p.file, p.line))
      .filter((x): x is string => x !== undefined);
    const outside = d.inlinedFrom?.find((p) => !files.some((f) => sameFile(p.file, f.name)));
    const foreign = outside?.file.replace(/^.*\/src\//, '');
    out.push({ d, fn, family: fam[0], state: fam[1], origins, foreign });
  }
  return out;
}

function keyOf(e: Entry): string {
  // A function's own inlinability is about the function, wherever it is declared.
  return e.family === 'inline'
    ? `inline\0${e.d.subject}`
    : `${e.family}\0${e.fn ?? ''}\0${e.d.subject}`;
}

export function group(list: Entry[]): Map<string, Entry[]> {
  const m = new Map<string, Entry[]>();
  for (const e of [...list].sort(
    (x, y) => x.d.line - y.d.line || (x.d.column ?? 0) - (y.d.column ?? 0),
  )) {
    m.set(keyOf(e), [...(m.get(keyOf(e)) ?? []), e]);
  }
  return m;
}

export const samePos = (x: Decision, y: Decision) =>
  sameFile(x.file, y.file) && x.line === y.line && x.column === y.column;

/**
 * An allocation reported at a call site is a copy of the callee's, made by inlining. Returns the
 * callees inlined at `e`'s position (several when inlining nested), innermost last.
 */
export function inlinedFrom(e: Entry, side: Entry[]): string[] {
  const calls = side
    .filter((o) => o.family === 'call' && samePos(o.d, e.d))
    .map((o) => o.d.subject);
  // Calls at one position are listed outermost first; a -json chain of depth n names the n-th.
  const depth = e.d.inlinedFrom?.length ?? 0;
  const picked = depth > 0 ? calls[depth - 1] : undefined;
  return [...e.origins, ...(picked ? [picked] : []), ...calls];
}

/** Whether `side` inlines a call to `callee` inside `fn` (anywhere: code may have moved). */
export function inlines(side: Entry[], fn: string | undefined, callee: string): boolean {
  return side.some((o) => o.family === 'call' && o.fn === fn && o.d.subject === callee);
}
