import { describe, expect, it } from 'vitest';
import { DecisionKindSchema } from '@go-memory-lab/sandbox-api/protocol';
import { classify } from '../../../src/lib/results/classify.ts';
import {
  decisionsInFiles,
  filterDecisions,
  DEFAULT_FILTER,
} from '../../../src/lib/results/filter.ts';
import { groupDecisionsByLine } from '../../../src/lib/results/group-by-line.ts';
import { loadResult } from './fixtures.ts';

const result = loadResult('return-pointer.m2.json');

describe('classify', () => {
  it('puts every kind in exactly one family', () => {
    for (const kind of DecisionKindSchema.options) {
      expect(['heap', 'stack', 'inline', 'other']).toContain(classify(kind));
    }
    expect(classify('moved-to-heap')).toBe('heap');
    expect(classify('does-not-escape')).toBe('stack');
    expect(classify('inlining-call')).toBe('inline');
  });
});

describe('filterDecisions', () => {
  it('defaults to heap and stack only', () => {
    const shown = filterDecisions(result.decisions, DEFAULT_FILTER);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((d) => ['heap', 'stack'].includes(classify(d.kind)))).toBe(true);
    expect(shown.some((d) => d.kind === 'moved-to-heap' && d.subject === 'p')).toBe(true);
    expect(shown.some((d) => d.kind === 'inlining-call')).toBe(false);
  });

  it('all keeps everything, a single family keeps only it', () => {
    expect(filterDecisions(result.decisions, 'all')).toHaveLength(result.decisions.length);
    const inline = filterDecisions(result.decisions, ['inline']);
    expect(inline.map((d) => d.subject)).toContain('newPoint');
    expect(inline.every((d) => classify(d.kind) === 'inline')).toBe(true);
  });

  it('drops decisions about files the learner cannot see', () => {
    const foreign = { ...result.decisions[0]!, file: '$GOROOT/src/fmt/print.go' };
    const dotted = { ...result.decisions[0]!, file: './main.go' };
    const kept = decisionsInFiles([...result.decisions, foreign, dotted], ['main.go']);
    expect(kept).toHaveLength(result.decisions.length + 1);
  });
});

describe('groupDecisionsByLine', () => {
  it('sorts emission order into line order and groups same-line decisions', () => {
    const groups = groupDecisionsByLine(result.decisions);
    const lines = groups.map((g) => g.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(lines.length);
    const line24 = groups.find((g) => g.line === 24)!;
    expect(line24.decisions.length).toBeGreaterThan(3);
    const cols = line24.decisions.map((d) => d.column ?? 0);
    expect(cols).toEqual([...cols].sort((a, b) => a - b));
    expect(groups.reduce((n, g) => n + g.decisions.length, 0)).toBe(result.decisions.length);
  });
});
