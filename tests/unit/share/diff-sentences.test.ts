/**
 * Every sentence compare mode prints must follow from the two decision lists it was given
 * (issue 14: it once said "newPoint is no longer inlined" beside B's own `inlining call to
 * newPoint`, and credited sum's allocation to newPoint's call). The pairs are real service
 * records (go1.26.8), captured by scripts/capture-compare-pairs.ts; each sentence is checked
 * against the lists by what it claims, in both directions.
 */
import { describe, expect, it } from 'vitest';
import type { Decision, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { DEFAULT_MAIN_GO } from '../../../src/lib/share/default-state.ts';
import { diffDecisions, type DecisionChange } from '../../../src/lib/share/diff-decisions.ts';
import { english, loadDecisions, read } from './support/diff-fixtures.ts';

const load = loadDecisions;

interface Pair {
  name: string;
  a: Decision[];
  b: Decision[];
  filesA: SourceFile[];
  filesB: SourceFile[];
}

const pairs: Pair[] = [
  ...['newpoint-by-value', 'helper-edit', 'helper-inline-off'].map((name) => ({
    name,
    a: load(`compare-pairs/${name}/a.json`),
    b: load(`compare-pairs/${name}/b.json`),
    filesA: [{ name: 'main.go', content: read(`compare-pairs/${name}/a.go.txt`) }],
    filesB: [{ name: 'main.go', content: read(`compare-pairs/${name}/b.go.txt`) }],
  })),
  {
    name: 'default-program',
    a: load('default-program/inline-on.json'),
    b: load('default-program/inline-off.json'),
    filesA: [{ name: 'main.go', content: DEFAULT_MAIN_GO }],
    filesB: [{ name: 'main.go', content: DEFAULT_MAIN_GO }],
  },
  (() => {
    const files = ['main.go', 'main_test.go'].map((name) => ({
      name,
      content: read(`bench-pair/${name}.txt`),
    }));
    return {
      name: 'bench-pair',
      a: load('bench-pair/inline-on.json'),
      b: load('bench-pair/inline-off.json'),
      filesA: files,
      filesB: files,
    };
  })(),
];

const STATE: Partial<Record<Decision['kind'], string>> = {
  'moved-to-heap': 'heap',
  'escapes-to-heap': 'heap',
  'does-not-escape': 'stack',
};

/** The stack/heap state a list gives a value of `fn` at `line` (a named variable absent: stack). */
function stateAt(list: Decision[], c: DecisionChange, line: number | undefined): string {
  const here = list.filter(
    (x) => x.line === line && x.function === c.function && STATE[x.kind] !== undefined,
  );
  // The change names B's subject; inlining may have renamed it on the other side (~r0).
  const d = here.find((x) => x.subject === c.subject) ?? (here.length === 1 ? here[0] : undefined);
  return d ? STATE[d.kind]! : 'absent';
}

const inlines = (list: Decision[], fn: string | undefined, callee: string) =>
  list.some((d) => d.kind === 'inlining-call' && d.function === fn && d.subject === callee);
const inlinable = (list: Decision[], fn: string) =>
  list.some((d) => d.kind === 'can-inline' && d.subject === fn);

/** Checks one sentence's claims against the lists; returns what does not hold. */
function contradictions(c: DecisionChange, a: Decision[], b: Decision[]): string[] {
  const out: string[] = [];
  const text = english(c);
  const claim = (ok: boolean, what: string) => ok || out.push(`${text} — ${what}`);
  const arrow = /: (heap|stack) → (heap|stack)/.exec(text);
  if (arrow && c.lineA !== undefined) {
    claim(stateAt(a, c, c.lineA) === arrow[1], `A has ${stateAt(a, c, c.lineA)} at ${c.lineA}`);
  }
  if (arrow && c.lineB !== undefined) {
    claim(stateAt(b, c, c.lineB) === arrow[2], `B has ${stateAt(b, c, c.lineB)} at ${c.lineB}`);
  }
  const noLonger = /(\S+) is no longer inlined|made inside (\S+) again, which is no longer/.exec(
    text,
  );
  const callee = noLonger?.[1] ?? noLonger?.[2];
  if (callee && !callee.includes('.')) {
    claim(inlines(a, c.function, callee), `A does not inline ${callee} in ${c.function}`);
    claim(!inlines(b, c.function, callee), `B still inlines ${callee} in ${c.function}`);
  }
  const nowIn = /(\S+) is now inlined/.exec(text);
  if (nowIn) {
    claim(!inlines(a, c.function, nowIn[1]!), `A already inlines ${nowIn[1]}`);
    claim(inlines(b, c.function, nowIn[1]!), `B does not inline ${nowIn[1]}`);
  }
  const from = /inlined from (\S+?)\)?$/.exec(text);
  if (from) {
    // The side the decision is on makes that very call, inlined, at that line.
    const [side, line] = c.lineB !== undefined ? [b, c.lineB] : [a, c.lineA];
    claim(
      side.some((d) => d.kind === 'inlining-call' && d.subject === from[1] && d.line === line),
      `no inlined call to ${from[1]} at line ${line}`,
    );
  }
  if (c.kind === 'new-heap' || c.kind === 'new-stack') {
    claim(c.lineA === undefined, 'a new allocation has a line in A');
    claim(stateAt(b, c, c.lineB) === c.kind.slice(4), `B has ${stateAt(b, c, c.lineB)}`);
  }
  if (c.kind === 'removed-heap' || c.kind === 'removed-stack') {
    claim(c.lineB === undefined, 'a removed allocation has a line in B');
    claim(stateAt(a, c, c.lineA) === c.kind.slice(8), `A has ${stateAt(a, c, c.lineA)}`);
  }
  if (c.kind === 'no-longer-inlinable' || c.kind === 'now-inlinable') {
    const was = c.kind === 'no-longer-inlinable';
    claim(inlinable(a, c.subject) === was && inlinable(b, c.subject) !== was, 'can-inline lists');
  }
  const call = /^call to (\S+) in (\S+) at line (\d+): (no longer|now) inlined$/.exec(text);
  if (call) {
    const [, fn, caller, , how] = call;
    claim(inlines(a, caller, fn!) === (how === 'no longer'), `A's inlining of ${fn}`);
    claim(inlines(b, caller, fn!) === (how === 'now'), `B's inlining of ${fn}`);
  }
  return out;
}

describe.each(pairs)('compare sentences on the real pair $name', (p) => {
  it.each([
    ['A → B', p.a, p.b, p.filesA, p.filesB],
    ['B → A', p.b, p.a, p.filesB, p.filesA],
  ] as const)('%s: every sentence follows from the two lists', (_, a, b, fa, fb) => {
    const changes = diffDecisions(a, b, { a: fa, b: fb });
    expect(changes.flatMap((c) => contradictions(c, a, b))).toEqual([]);
  });
});

describe('compare sentences: newPoint edited to return a copy (still inlined in B)', () => {
  const p = pairs[0]!;
  const lines = diffDecisions(p.a, p.b, { a: p.filesA, b: p.filesB }).map(english);

  it('never says newPoint is no longer inlined', () => {
    expect(lines.filter((l) => l.includes('no longer inlined'))).toEqual([]);
    expect(lines).toContain('p in main: heap → stack (line 20, inlined from newPoint)');
  });

  it('credits the new escaping result to newPoint’s call, not to sum’s', () => {
    expect(lines).toContain('~r0 in main: new heap allocation (line 20, inlined from newPoint)');
    expect(lines.some((l) => l.includes('from sum'))).toBe(false);
  });
});
