/**
 * The semantic diff of two runs' compiler decisions: what moved between stack and heap, what
 * started or stopped being inlined. Decisions are matched by (subject, enclosing function) and
 * then by order, not by line number, so an edit that shifts code down does not read as a change.
 */
import type { Decision, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { sameFile } from '../results/same-file.ts';
import { changeText, stateText, type ChangeState, type ChangeText } from './change-text.ts';
import { enclosingFunction } from './enclosing-function.ts';

export type ChangeKind =
  | 'heap-to-stack'
  | 'stack-to-heap'
  | 'new-heap'
  | 'new-stack'
  | 'removed-heap'
  | 'removed-stack'
  | 'param-changed'
  | 'now-inlinable'
  | 'no-longer-inlinable'
  | 'now-inlined'
  | 'no-longer-inlined';

export interface DecisionChange {
  kind: ChangeKind;
  subject: string;
  function?: string;
  /** Where it is in A and in B, when the decision exists there. */
  lineA?: number;
  lineB?: number;
  /** One line a person reads, e.g. "x in f: heap → stack", as a catalogue code (renderChange). */
  sentence: ChangeText;
}

const RANK: Record<ChangeKind, number> = {
  'heap-to-stack': 0,
  'stack-to-heap': 0,
  'new-heap': 1,
  'removed-heap': 1,
  'new-stack': 2,
  'removed-stack': 2,
  'param-changed': 3,
  'now-inlinable': 4,
  'no-longer-inlinable': 4,
  'now-inlined': 5,
  'no-longer-inlined': 5,
};

/** The code each side's decisions refer to (to find enclosing functions when none is given). */
export interface DiffSources {
  a?: readonly SourceFile[];
  b?: readonly SourceFile[];
}

type Family = 'alloc' | 'var' | 'param' | 'inline' | 'call';
type Entry = {
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

function entries(decisions: readonly Decision[], files: readonly SourceFile[] = []): Entry[] {
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

function group(list: Entry[]): Map<string, Entry[]> {
  const m = new Map<string, Entry[]>();
  for (const e of [...list].sort(
    (x, y) => x.d.line - y.d.line || (x.d.column ?? 0) - (y.d.column ?? 0),
  )) {
    m.set(keyOf(e), [...(m.get(keyOf(e)) ?? []), e]);
  }
  return m;
}

const samePos = (x: Decision, y: Decision) =>
  sameFile(x.file, y.file) && x.line === y.line && x.column === y.column;

/**
 * An allocation reported at a call site is a copy of the callee's, made by inlining. Returns the
 * callees inlined at `e`'s position (several when inlining nested), innermost last.
 */
function inlinedFrom(e: Entry, side: Entry[]): string[] {
  const calls = side
    .filter((o) => o.family === 'call' && samePos(o.d, e.d))
    .map((o) => o.d.subject);
  // Calls at one position are listed outermost first; a -json chain of depth n names the n-th.
  const depth = e.d.inlinedFrom?.length ?? 0;
  const picked = depth > 0 ? calls[depth - 1] : undefined;
  return [...e.origins, ...(picked ? [picked] : []), ...calls];
}

function label(e: Entry): ChangeText | string {
  return e.fn && e.family !== 'inline'
    ? changeText('in', { subject: e.d.subject, fn: e.fn })
    : e.d.subject;
}

/**
 * `what: from → to`, with the line and the call it was inlined from, or the line and why
 * (a callee's inlining changed).
 */
const moved = (
  e: Entry,
  from: ChangeState,
  to: ChangeState,
  more:
    | { line: number; callee: string }
    | { line: number; why: ChangeText }
    | Record<string, never> = {},
) =>
  changeText('callee' in more ? 'movedInlinedFrom' : 'why' in more ? 'movedBecause' : 'moved', {
    what: label(e),
    from: stateText(from),
    to: stateText(to),
    ...more,
  });

function change(
  kind: ChangeKind,
  a: Entry | undefined,
  b: Entry | undefined,
  sentence: ChangeText,
): DecisionChange {
  const e = (b ?? a)!;
  return {
    kind,
    subject: e.d.subject,
    ...(e.fn ? { function: e.fn } : {}),
    ...(a ? { lineA: a.d.line } : {}),
    ...(b ? { lineB: b.d.line } : {}),
    sentence,
  };
}

/**
 * A copy made by inlining (reported at the call site) against the callee's own decision on the
 * other side: 'same' when nothing changed for the value, or the callee and its state when it did.
 */
function inlinedCopy(
  e: Entry,
  inA: boolean,
  all: { a: Entry[]; b: Entry[] },
): 'same' | { callee: string; state: ChangeState } | undefined {
  const other = inA ? all.b : all.a;
  const stateIn = (fn: string) =>
    other.find((o) => o.family === e.family && o.fn === fn && o.d.subject === e.d.subject)?.state;
  const callee = inlinedFrom(e, inA ? all.a : all.b).find((fn) => stateIn(fn) !== undefined);
  if (callee === undefined) return undefined;
  const state = stateIn(callee)!;
  return state === e.state ? 'same' : { callee, state };
}

/** Whether `side` inlines a call to `callee` inside `fn` (anywhere: code may have moved). */
function inlines(side: Entry[], fn: string | undefined, callee: string): boolean {
  return side.some((o) => o.family === 'call' && o.fn === fn && o.d.subject === callee);
}

/** One side only: what it means depends on the family (a named variable absent means stack). */
function oneSided(
  e: Entry,
  inA: boolean,
  all: { a: Entry[]; b: Entry[] },
): DecisionChange | undefined {
  const [a, b] = inA ? [e, undefined] : [undefined, e];
  const line = e.d.line;
  const other = inA ? all.b : all.a;
  // A copy whose callee the other side inlines here too is decided afresh there, not moved
  // into or out of the callee: saying "no longer inlined" would contradict the other list.
  const via = inlinedFrom(e, inA ? all.a : all.b);
  const stillInlined = via.find((fn) => inlines(other, e.fn, fn));
  if (stillInlined !== undefined && (e.family === 'var' || e.family === 'alloc')) {
    const note = { line, callee: stillInlined };
    if (e.family === 'var') {
      return inA
        ? change('heap-to-stack', a, b, moved(e, 'heap', 'stack', note))
        : change('stack-to-heap', a, b, moved(e, 'stack', 'heap', note));
    }
    const kind = `${inA ? 'removed' : 'new'}-${e.state === 'heap' ? 'heap' : 'stack'}` as const;
    return change(
      kind,
      a,
      b,
      changeText(inA ? 'goneInlinedFrom' : 'newInlinedFrom', {
        what: label(e),
        state: stateText(e.state),
        ...note,
      }),
    );
  }
  if (e.family === 'var' || e.family === 'alloc') {
    // An inlined copy vanishing means the value is made in the callee again (and back).
    const copy = inlinedCopy(e, inA, all);
    if (copy === 'same') return undefined;
    if (copy) {
      const from = inA ? e.state : copy.state;
      const to = inA ? copy.state : e.state;
      const why = changeText(inA ? 'calleeNoLongerInlined' : 'calleeNowInlined', {
        callee: copy.callee,
      });
      const kind = to === 'heap' ? 'stack-to-heap' : 'heap-to-stack';
      return change(kind, a, b, moved(e, from, to, { line, why }));
    }
  }
  if (e.family === 'alloc' || e.family === 'var') {
    // A copy of a callee whose own decision we cannot see (the standard library): the value is
    // made inside that call again, or newly inlined here.
    const from = inlinedFrom(e, inA ? all.a : all.b)[0] ?? e.foreign;
    if (from !== undefined) {
      return inA
        ? change(
            e.state === 'heap' ? 'removed-heap' : 'removed-stack',
            a,
            b,
            changeText('madeInsideAgain', { what: label(e), callee: from, line }),
          )
        : change(
            e.state === 'heap' ? 'new-heap' : 'new-stack',
            a,
            b,
            changeText('newAtFrom', {
              what: label(e),
              state: stateText(e.state),
              line,
              callee: from,
            }),
          );
    }
  }
  switch (e.family) {
    case 'var':
      return inA
        ? change('heap-to-stack', a, b, moved(e, 'heap', 'stack'))
        : change('stack-to-heap', a, b, moved(e, 'stack', 'heap'));
    case 'alloc': {
      const place = e.state === 'heap' ? 'heap' : 'stack';
      const sentence = changeText(inA ? 'gone' : 'new', {
        what: label(e),
        state: stateText(place),
        line,
      });
      return change(`${inA ? 'removed' : 'new'}-${place}`, a, b, sentence);
    }
    case 'inline':
      if (e.state !== 'inlinable') return undefined;
      return inA
        ? change(
            'no-longer-inlinable',
            a,
            b,
            changeText('noLongerInlinable', { name: e.d.subject }),
          )
        : change('now-inlinable', a, b, changeText('nowInlinable', { name: e.d.subject }));
    case 'call': {
      const where = e.fn
        ? changeText('callIn', { callee: e.d.subject, fn: e.fn, line })
        : changeText('call', { callee: e.d.subject, line });
      return inA
        ? change('no-longer-inlined', a, b, changeText('noLongerInlined', { where }))
        : change('now-inlined', a, b, changeText('nowInlined', { where }));
    }
    case 'param':
      return undefined; // parameters are reported only for compiled functions; absence says little
  }
}

function twoSided(a: Entry, b: Entry): DecisionChange | undefined {
  if (a.state === b.state) return undefined;
  const text = moved(b, a.state, b.state);
  switch (a.family) {
    case 'var':
    case 'alloc':
      return change(b.state === 'heap' ? 'stack-to-heap' : 'heap-to-stack', a, b, text);
    case 'inline':
      return change(b.state === 'inlinable' ? 'now-inlinable' : 'no-longer-inlinable', a, b, text);
    default:
      return change('param-changed', a, b, text);
  }
}

/** What changed from A to B, in source order of B (then A). Empty when nothing did. */
export function diffDecisions(
  a: readonly Decision[],
  b: readonly Decision[],
  sources: DiffSources = {},
): DecisionChange[] {
  const all = { a: entries(a, sources.a), b: entries(b, sources.b) };
  const ga = group(all.a);
  const gb = group(all.b);
  const out: DecisionChange[] = [];
  const onlyA: Entry[] = [];
  const onlyB: Entry[] = [];
  for (const key of new Set([...ga.keys(), ...gb.keys()])) {
    const xs = ga.get(key) ?? [];
    const ys = gb.get(key) ?? [];
    // The same position on both sides is the same decision (pairing in order alone credited
    // sum's ~r0 to newPoint's call when newPoint's started escaping); the rest pair in order.
    const restA: Entry[] = [];
    const restB = [...ys];
    for (const x of xs) {
      const j = restB.findIndex((y) => samePos(x.d, y.d));
      if (j < 0) {
        restA.push(x);
        continue;
      }
      const c = twoSided(x, restB.splice(j, 1)[0]!);
      if (c) out.push(c);
    }
    for (let i = 0; i < Math.max(restA.length, restB.length); i++) {
      const x = restA[i];
      const y = restB[i];
      if (x && y) {
        const c = twoSided(x, y);
        if (c) out.push(c);
      } else if (x) onlyA.push(x);
      else if (y) onlyB.push(y);
    }
  }
  // Inlining renames values (`sum(3, 4)` becomes `~r0`): an allocation reported at the same
  // position on both sides is the same allocation under another name.
  for (const x of onlyA) {
    const i =
      x.family === 'alloc' || x.family === 'var'
        ? onlyB.findIndex((y) => y.family === x.family && samePos(x.d, y.d))
        : -1;
    if (i >= 0) {
      const c = twoSided(x, onlyB[i]!);
      if (c) out.push(c);
      onlyB.splice(i, 1);
      continue;
    }
    const c = oneSided(x, true, all);
    if (c) out.push(c);
  }
  for (const y of onlyB) {
    const c = oneSided(y, false, all);
    if (c) out.push(c);
  }
  // Stack and heap first: that is what a comparison is usually about; inlining follows.
  const rank = (c: DecisionChange) => RANK[c.kind];
  return out.sort(
    (p, q) => rank(p) - rank(q) || (p.lineB ?? p.lineA ?? 0) - (q.lineB ?? q.lineA ?? 0),
  );
}
