import { describe, expect, it } from 'vitest';
import {
  enclosingFunction,
  findFunction,
  findMarkerLines,
  paramAt,
} from '../../../src/lib/exercises/source-scan.ts';

describe('findMarkerLines', () => {
  it('finds every line whose comment is the marker, not a marker inside a string', () => {
    const src =
      'package main\n\nfunc f() {\n\tx := 1 // want: stack\n\ty := "// want: stack"\n\tz := 2 //want: stack\n}\n';
    expect(findMarkerLines(src, 'want: stack')).toEqual([4, 6]);
    expect(findMarkerLines(`// added\n${src}`, 'want: stack')).toEqual([5, 7]);
  });
});

describe('findFunction', () => {
  it('finds functions and methods by their declaration, not by text in a comment', () => {
    const src = [
      'package main',
      '',
      '/*',
      'func remember(r *Reading) {',
      '*/',
      'func (s *S) remember(',
      '\tr *Reading,',
      ') {',
      '}',
      '',
      'func rememberAll(rs []R) {}',
      '',
    ].join('\n');
    expect(findFunction(src, 'remember')).toEqual({ name: 'remember', start: 6, end: 9 });
    expect(findFunction(src, 'rememberAll')).toEqual({ name: 'rememberAll', start: 11, end: 11 });
    expect(findFunction(src, 'forget')).toBeUndefined();
    expect(enclosingFunction(src, 7)?.name).toBe('remember');
    expect(enclosingFunction(src, 4)).toBeUndefined();
  });
});

describe('paramAt', () => {
  it('follows the position whatever the parameter is called; the receiver does not count', () => {
    const src =
      'package main\n\n// func header(packet []byte) []byte\nfunc (t T) header(a, b int,\n\tp []byte) []byte {\n\treturn p\n}\n\nfunc f(int, string) {}\n';
    expect(paramAt(src, 'header', 0)).toEqual({ name: 'a', line: 4 });
    expect(paramAt(src, 'header', 2)).toEqual({ name: 'p', line: 5 });
    expect(paramAt(src, 'header', 3)).toBeUndefined();
    expect(paramAt(src, 'f', 1)).toEqual({ name: '', line: 9 });
    expect(paramAt(src, 'nope', 0)).toBeUndefined();
  });
});
