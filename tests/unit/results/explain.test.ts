import { describe, expect, it } from 'vitest';
import { DecisionKindSchema, type Decision } from '@go-memory-lab/sandbox-api/protocol';
import { explainDecision } from '../../../src/lib/results/explain.ts';
import { loadResult } from './fixtures.ts';

const result = loadResult('return-pointer.m2.json');
const find = (kind: string, subject: string) =>
  result.decisions.find((d) => d.kind === kind && d.subject === subject)!;

describe('explainDecision', () => {
  it('says a returned address lives on the heap', () => {
    const e = explainDecision(find('moved-to-heap', 'p'));
    expect(e.title).toBe('Moved to heap');
    expect(e.plain).toBe(
      '`p` lives on the heap: its address outlives the function (here it is returned).',
    );
    expect(e.glossaryHref).toBe('/glossary#moved-to-heap');
  });

  it('names the call that keeps an escaping value, from the last flow step', () => {
    const e = explainDecision(find('escapes-to-heap', 'p.X'));
    expect(e.plain).toContain('fmt.Fprintln(os.Stdout, fmt.a...)');
    expect(e.plain).toContain('which keeps it');
  });

  it('prefers the telling reason of the last hop over carriers such as spill', () => {
    const d = find('moved-to-heap', 'p');
    const closure = {
      ...d,
      explanation: {
        header: 'escapes' as const,
        truncated: false,
        steps: [
          {
            dst: '{storage for func literal}',
            src: 'n',
            ops: '&',
            reasons: [
              { where: 'n', why: 'captured by a closure' },
              { where: 'n', why: 'reference' },
            ],
          },
        ],
      },
    };
    expect(explainDecision(closure).plain).toContain(
      'a closure that outlives the function captures it',
    );
  });

  it('asks for -m=2 when there is no chain', () => {
    const bare = { ...find('moved-to-heap', 'p') };
    delete bare.explanation;
    expect(explainDecision(bare).plain).toContain('run with -m=2 to see why');
  });

  it('explains stack and inlining decisions', () => {
    expect(explainDecision(find('does-not-escape', 'make([]int, 0, 4)')).plain).toMatch(
      /stays on the stack/,
    );
    expect(explainDecision(find('cannot-inline', 'main')).plain).toContain(
      'function too complex: cost 135 exceeds budget 80',
    );
    expect(explainDecision(find('can-inline', 'newPoint')).plain).toContain('cost 12');
  });

  it('has a title and non-empty text for every kind', () => {
    const base = result.decisions[0]!;
    for (const kind of DecisionKindSchema.options) {
      const d: Decision = { ...base, kind, subject: 'x' };
      const e = explainDecision(d, '/base/glossary');
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.plain.length).toBeGreaterThan(10);
      expect(e.glossaryHref).toBe(`/base/glossary#${kind}`);
    }
  });
});
