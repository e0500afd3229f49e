import type { DecisionKind } from '@go-memory-lab/sandbox-api/protocol';

/** The four families a learner filters by; also the gutter colour of a line. */
export type Category = 'heap' | 'stack' | 'inline' | 'other';

export const CATEGORIES: readonly Category[] = ['heap', 'stack', 'inline', 'other'];

const BY_KIND: Record<DecisionKind, Category> = {
  'moved-to-heap': 'heap',
  'escapes-to-heap': 'heap',
  // A leaking parameter is why a caller's value ends up on the heap, so it belongs with heap.
  'leaking-param': 'heap',
  'leaking-param-content': 'heap',
  'does-not-escape': 'stack',
  'param-does-not-escape': 'stack',
  // Flows only to a result: the caller decides, nothing is heap-allocated here.
  'leaking-param-to-result': 'other',
  'can-inline': 'inline',
  'cannot-inline': 'inline',
  'inlining-call': 'inline',
  devirtualizing: 'inline',
  'closure-capture': 'other',
  'loop-variable': 'other',
  'zero-copy': 'other',
  'bounds-check-elided': 'other',
  other: 'other',
};

export function classify(kind: DecisionKind): Category {
  return BY_KIND[kind];
}

/** When one line carries several families, the gutter shows the one that matters most. */
const RANK: Record<Category, number> = { heap: 0, stack: 1, inline: 2, other: 3 };

export function strongestCategory(categories: Iterable<Category>): Category | undefined {
  let best: Category | undefined;
  for (const c of categories) if (best === undefined || RANK[c] < RANK[best]) best = c;
  return best;
}
