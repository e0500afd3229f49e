import { describe, expect, it } from 'vitest';
import { findFuncSignature, findMarkerLines } from '../../../src/lib/exercises/source-scan.ts';

describe('findMarkerLines', () => {
  it('finds every line whose comment is the marker, wherever edits moved it', () => {
    const src =
      'package main\n\nfunc f() {\n\tx := 1 // want: stack\n\ty := "// want: stack?"\n\tz := 2 //want: stack\n}\n';
    expect(findMarkerLines(src, 'want: stack')).toEqual([4, 6]);
    expect(findMarkerLines(`// added\n${src}`, 'want: stack')).toEqual([5, 7]);
  });
});

describe('findFuncSignature', () => {
  it('spans a signature over several lines, and finds methods', () => {
    const src =
      'package main\n\nfunc (s *S) remember(\n\tr *Reading,\n) {\n}\n\nfunc rememberAll(rs []R) {}\n';
    expect(findFuncSignature(src, 'remember')).toEqual({ start: 3, end: 5 });
    expect(findFuncSignature(src, 'rememberAll')).toEqual({ start: 8, end: 8 });
    expect(findFuncSignature(src, 'forget')).toBeUndefined();
  });
});
