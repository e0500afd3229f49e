import { describe, expect, it } from 'vitest';
import {
  decisionsToMarks,
  errorsToMarks,
  gutterCategories,
} from '../../../src/lib/results/marks.ts';
import { byteColumnToIndex, positionToRange } from '../../../src/lib/results/source-range.ts';
import { loadResult } from './fixtures.ts';

const result = loadResult('return-pointer.m2.json');
const text = result.request.files[0]!.content;
const doc = { file: 'main.go', text };

describe('decisionsToMarks', () => {
  const marks = decisionsToMarks(result.decisions, doc);

  it('underlines the token the compiler pointed at', () => {
    const moved = marks.find((m) => m.decision.kind === 'moved-to-heap')!;
    expect(moved.line).toBe(8);
    expect(text.slice(moved.from, moved.to)).toBe('p');
    const make = marks.find((m) => m.decision.subject === 'make([]int, 0, 4)' && m.line === 13)!;
    expect(text.slice(make.from, make.to)).toBe('make([]int, 0, 4)');
    const lit = marks.find((m) => m.decision.subject === '[]int{...}')!;
    expect(text.slice(lit.from, lit.to)).toBe('[]int{1, 2, 3}');
  });

  it('clamps positions outside the document', () => {
    const base = result.decisions[0]!;
    const [past, beyond] = decisionsToMarks(
      [
        { ...base, line: 999, column: 3 },
        { ...base, line: 1, column: 500 },
      ],
      doc,
    );
    const lastLine = text.split('\n').length;
    expect(past!.line).toBe(lastLine);
    expect(beyond!.line).toBe(1);
    expect(beyond!.to).toBeLessThanOrEqual(text.indexOf('\n'));
    expect(beyond!.from).toBeLessThanOrEqual(beyond!.to);
  });

  it('marks a whole line when the column is missing', () => {
    const noColumn = { ...result.decisions[0]!, line: 9 };
    delete noColumn.column;
    const [m] = decisionsToMarks([noColumn], doc);
    expect(text.slice(m!.from, m!.to)).toBe('return &p');
  });

  it('ignores other files and picks the strongest family per line', () => {
    const other = { ...result.decisions[0]!, file: 'other.go' };
    expect(decisionsToMarks([other], doc)).toHaveLength(0);
    const gutter = gutterCategories(marks);
    expect(gutter.get(8)).toBe('heap');
    expect(gutter.get(13)).toBe('stack');
    expect(gutter.get(7)).toBe('inline');
    // line 24 has heap, stack and inlining decisions: heap wins
    expect(gutter.get(24)).toBe('heap');
  });
});

describe('positions', () => {
  it('converts UTF-8 byte columns to UTF-16 indexes', () => {
    const line = '\ts := "héllo" + x';
    expect(byteColumnToIndex(line, 1)).toBe(0);
    // "x" is at UTF-16 index 16, but at byte column 18 (é is two bytes)
    expect(line[byteColumnToIndex(line, 18)]).toBe('x');
  });

  it('marks compile errors at their line', () => {
    const failed = loadResult('compile-error.json');
    const src = failed.request.files[0]!.content;
    expect(failed.ok).toBe(false);
    const [m] = errorsToMarks(failed.compileErrors, { file: 'main.go', text: src });
    expect(m!.line).toBe(4);
    expect(src.slice(m!.from, m!.to)).toBe('x');
    expect(positionToRange(src, 0).line).toBe(1);
  });
});
