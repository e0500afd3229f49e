/**
 * The semantic diff of two runs' compiler decisions: what moved between stack and heap, what
 * started or stopped being inlined. Decisions are matched by (subject, enclosing function) and
 * then by order, not by line number, so an edit that shifts code down does not read as a change.
 */
import type { Decision, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { twoSided, type ChangeKind, type DecisionChange } from './decision-change.ts';
import { entries, group, samePos, type Entry } from './decision-entries.ts';
import { oneSided } from './one-sided-change.ts';

export type { ChangeKind, DecisionChange } from './decision-change.ts';

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
