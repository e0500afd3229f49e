import { describe, expect, it } from 'vitest';
import { enclosingFunction } from '../../../src/lib/share/enclosing-function.ts';

describe('enclosingFunction', () => {
  const src = [
    'package p', //                                   1
    '', //                                            2
    'func (s *S) M() {', //                           3
    '\tx := 1', //                                    4
    '}', //                                           5
    '', //                                            6
    'func f[T any]() {', //                           7
    '\t_ = `', //                                     8
    'func fake() {', //                               9  inside a raw string
    '`', //                                           10
    '\tg := func() {', //                             11
    '\t\t_ = 2', //                                   12
    '\t}', //                                         13
    '\t_ = g', //                                     14
    '}', //                                           15
    '', //                                            16
    'func (v V) N() {}', //                           17
  ].join('\n');

  it('names functions as the compiler does: (*T).M, T.M, generics, closures', () => {
    expect(enclosingFunction(src, 4)).toBe('(*S).M');
    expect(enclosingFunction(src, 14)).toBe('f');
    expect(enclosingFunction(src, 12)).toBe('f.func1');
    expect(enclosingFunction(src, 17)).toBe('V.N');
  });

  it('is not fooled by `func` at the start of a line inside a string', () => {
    expect(enclosingFunction(src, 10)).toBe('f');
  });

  it('is undefined outside every function', () => {
    expect(enclosingFunction(src, 1)).toBeUndefined();
    expect(enclosingFunction(src, 6)).toBeUndefined();
  });
});
