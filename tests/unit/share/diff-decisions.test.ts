import { describe, expect, it } from 'vitest';
import type { Decision, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { classifyMessage } from '../../../sandbox-api/src/parse/classify.ts';
import { parsePositionedLine } from '../../../sandbox-api/src/parse/position.ts';
import { DEFAULT_MAIN_GO } from '../../../src/lib/share/default-state.ts';
import { diffDecisions } from '../../../src/lib/share/diff-decisions.ts';
import { english, loadDecisions, read } from './support/diff-fixtures.ts';

/** Real `-m` output (fixtures/, go1.26.8) → decisions, with the service's own classifier. */
function decisions(text: string): Decision[] {
  return text
    .split('\n')
    .map((line) => parsePositionedLine(line))
    .filter((p) => p !== undefined)
    .flatMap((p) => {
      const c = classifyMessage(p.message);
      if (!c) return [];
      const d: Decision = { ...p, kind: c.kind, subject: c.subject, details: c.details };
      // Keep only what the message names; the diff finds enclosing functions from the source.
      if (c.kind === 'can-inline' || c.kind === 'cannot-inline') delete d.function;
      return [d];
    });
}

describe('diffDecisions on the inlining pair (newT returns &T{}, useT calls it)', () => {
  const files: SourceFile[] = [{ name: 'main.go', content: read('inline-pair/main.go') }];
  const on = decisions(read('inline-pair/inline-on.txt'));
  const off = decisions(read('inline-pair/inline-off.txt'));

  it('says the T built through newT in useT goes from stack to heap when inlining is off', () => {
    const lines = diffDecisions(on, off, { a: files, b: files }).map(english);
    expect(lines).toContain('&T{...} in useT: stack → heap (line 10: newT is no longer inlined)');
    expect(lines).toContain('call to newT in useT at line 10: no longer inlined');
    expect(lines).toContain('newT: no longer inlinable');
    // main inlined useT and, through it, newT: the copy there is newT's allocation too.
    expect(lines).toContain('&T{...} in main: stack → heap (line 15: newT is no longer inlined)');
    // newT's own allocation escapes either way: not a change.
    expect(lines.some((l) => l.includes('in newT'))).toBe(false);
  });

  it('reads the other way round when inlining is turned on', () => {
    const changes = diffDecisions(off, on, { a: files, b: files });
    expect(changes.map(english)).toContain(
      '&T{...} in useT: heap → stack (line 10: newT is now inlined)',
    );
    expect(changes.find((c) => c.function === 'useT' && c.subject === '&T{...}')?.kind).toBe(
      'heap-to-stack',
    );
  });

  it('is empty for identical runs', () => {
    expect(diffDecisions(on, on, { a: files, b: files })).toEqual([]);
  });
});

describe('diffDecisions when the code moved', () => {
  const a = decisions(read('moved-code/a.txt'));
  const b = decisions(read('moved-code/b.txt'));
  const sources = {
    a: [{ name: 'main.go', content: read('moved-code/a.go.txt') }],
    b: [{ name: 'main.go', content: read('moved-code/b.go.txt') }],
  };
  const changes = diffDecisions(a, b, sources);
  const lines = changes.map(english);

  it('matches by subject and function, not line: shifted leaks are not changes', () => {
    expect(lines.some((l) => l.startsWith('p '))).toBe(false);
  });

  it('reports a named variable that stopped escaping and an allocation that started', () => {
    expect(lines).toContain('x in f: heap → stack');
    expect(lines).toContain('make([]byte, 16) in f: stack → heap');
    expect(lines).toContain('append in f: new heap allocation at line 14');
  });

  it('keeps lines of both sides for the UI', () => {
    expect(changes.find((c) => c.subject === 'make([]byte, 16)')).toMatchObject({
      lineA: 10,
      lineB: 13,
    });
  });
});

describe('diffDecisions on the service’s own records (default program, -m=2, -json chains)', () => {
  const load = (name: string) => loadDecisions(`default-program/${name}.json`);
  const on = load('inline-on');
  const off = load('inline-off');
  const files = [{ name: 'main.go', content: DEFAULT_MAIN_GO }];
  const lines = diffDecisions(on, off, { a: files, b: files }).map(english);

  it('does not report an inlined copy whose callee decides the same (p stays on the heap)', () => {
    expect(lines.some((l) => l.startsWith('p '))).toBe(false);
  });

  it('pairs a value renamed by inlining (~r0 vs sum(3, 4)) at the same position', () => {
    expect(lines.some((l) => l.includes('~r0') || l.includes('sum(3, 4)'))).toBe(false);
  });

  it('still reports what inlining changed', () => {
    expect(lines).toContain('newPoint: no longer inlinable');
    expect(lines).toContain('call to newPoint in main at line 20: no longer inlined');
  });
});

describe('diffDecisions on a benchmark pair (inlining on vs off, real service records)', () => {
  const load = (name: string) => loadDecisions(`bench-pair/${name}.json`);
  const files = ['main.go', 'main_test.go'].map((name) => ({
    name,
    content: read(`bench-pair/${name}.txt`),
  }));
  const changes = diffDecisions(load('inline-on'), load('inline-off'), { a: files, b: files });
  const lines = changes.map(english);

  it('says a standard-library allocation moved back into its call, not that it vanished', () => {
    const metric = lines.find((l) => l.startsWith('"metric unit must not be empty"'));
    // The -json chain points into testing/benchmark.go: the outermost inlined call, ReportMetric.
    expect(metric).toBe(
      '"metric unit must not be empty" in BenchmarkSizes.func1: made inside testing.(*B).ReportMetric again, which is no longer inlined (line 29)',
    );
    expect(lines.some((l) => l.includes('heap allocation at line') && l.includes('is gone'))).toBe(
      false,
    );
  });

  it('lists stack and heap changes before inlining changes', () => {
    const firstInline = changes.findIndex((c) => c.kind.includes('inlin'));
    const lastAlloc = changes.findLastIndex((c) => !c.kind.includes('inlin'));
    expect(firstInline).toBeGreaterThan(lastAlloc);
  });
});
