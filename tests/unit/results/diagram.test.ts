import { describe, expect, it } from 'vitest';
import { buildStackOrHeapDiagram, pickDiagramSubject } from '../../../src/lib/results/diagram.ts';
import { mermaidText } from '../../../src/lib/results/mermaid-text.ts';
import { loadResult } from './fixtures.ts';

const result = loadResult('return-pointer.m2.json');
const all = result.decisions;
const find = (kind: string, subject: string) =>
  all.find((d) => d.kind === kind && d.subject === subject)!;

describe('buildStackOrHeapDiagram', () => {
  it('draws each -m=2 flow hop and ends on HEAP', () => {
    const d = buildStackOrHeapDiagram(find('moved-to-heap', 'p'), all);
    expect(d.verdict).toBe('heap');
    expect(d.source.split('\n')).toContain('flowchart TD');
    // subject → one flow step (~r0 ← &p) → heap
    expect(d.source).toMatch(/S --> F1/);
    expect(d.source).toMatch(/F1 --> H/);
    expect(d.source).toContain('~r0 ← #38;p');
    expect(d.source).toContain('(address-of) · line 9');
    expect(d.nodeLines).toEqual({ S: 8, F1: 9, H: 9 });
    expect(d.nodes.map((n) => n.id)).toEqual(['S', 'F1', 'H']);
    expect(d.nodes[1]!.lines[0]).toBe('~r0 ← &p');
  });

  it('colours nodes for the page theme', () => {
    const d = find('moved-to-heap', 'p');
    const light = buildStackOrHeapDiagram(d, all).source;
    const dark = buildStackOrHeapDiagram(d, all, { theme: 'dark' }).source;
    expect(light).toContain('classDef heap fill:#fde0dc');
    expect(dark).toContain('classDef heap fill:#4a1c12');
    expect(dark.replace(/classDef.*\n/g, '')).toBe(light.replace(/classDef.*\n/g, ''));
  });

  it('follows a three-hop chain into fmt', () => {
    const d = buildStackOrHeapDiagram(find('escapes-to-heap', 'p.X'), all);
    expect(Object.keys(d.nodeLines)).toEqual(['S', 'F1', 'F2', 'F3', 'H']);
    expect(d.source).toContain('{heap} ← *fmt.a');
  });

  it('gives stack decisions a short path to STACK', () => {
    const d = buildStackOrHeapDiagram(find('does-not-escape', 'make([]int, 0, 4)'), all);
    expect(d.verdict).toBe('stack');
    expect(d.source).toContain('address not kept beyond the function');
    expect(d.source).toMatch(/S --> W --> K/);
  });

  it('asks for -m=2 when the run has no chains', () => {
    const bare = all.map((d) => {
      const copy = { ...d };
      delete copy.explanation;
      return copy;
    });
    const d = buildStackOrHeapDiagram(
      bare.find((x) => x.kind === 'moved-to-heap')!,
      bare,
    );
    expect(d.note).toBe('Run with -m=2 to see why.');
    expect(d.verdict).toBe('heap');
  });

  it('keeps labels from breaking Mermaid syntax', () => {
    expect(mermaidText('a "b" <- c#[d]`')).toBe('a #34;b#34; #60;- c#35;[d]#96;');
    const base = find('moved-to-heap', 'p');
    const d = buildStackOrHeapDiagram({ ...base, subject: 'x"]; click S call evil()' }, all);
    const subjectLine = d.source.split('\n').find((l) => l.trim().startsWith('S['))!;
    expect(subjectLine.match(/"/g)).toHaveLength(2);
  });
});

describe('pickDiagramSubject', () => {
  it('prefers the focus, then the first heap decision', () => {
    expect(pickDiagramSubject(all, 'p')!.kind).toBe('moved-to-heap');
    expect(pickDiagramSubject(all)!.subject).toBe('p');
    expect(pickDiagramSubject(all, 'nope')!.subject).toBe('p');
    const stackOnly = all.filter((d) => d.kind === 'does-not-escape');
    expect(pickDiagramSubject(stackOnly)!.kind).toBe('does-not-escape');
    expect(pickDiagramSubject([])).toBeUndefined();
  });
});
