import { describe, expect, test } from 'vitest';
import { indexGoSource, parseBlockHeader, parsePositionedLine } from '../../../src/parse/index.ts';
import { captureCases, readFixture, sourcesOf } from './fixtures.ts';

/** `Map[go.shape.int,go.shape.string]` and `Map[T, U]` are the same function. */
const noTypeArgs = (name: string) => name.replace(/\[[^\]]*\]/g, '');

describe('indexGoSource against the compiler', () => {
  test.each(captureCases())('%s: enclosing functions agree with -m=2 `in F` / `for F`', (name) => {
    const sources = sourcesOf(name);
    let checked = 0;
    for (const line of readFixture(name, 'm2.txt').split('\n')) {
      const p = parsePositionedLine(line);
      const h = p && parseBlockHeader(p.message);
      const src = p && sources.get(p.file);
      if (!p || !h?.function || src === undefined) continue;
      const found = indexGoSource(src).enclosingFunction(p.line, p.column);
      // Inlined closures get the caller's prefix (`main.counter.func1`): compare the tail.
      expect(noTypeArgs(h.function).endsWith(noTypeArgs(found ?? '<none>'))).toBe(true);
      checked++;
    }
    // Cases whose -m=2 output has flow blocks must not be skipped silently (compile-error stops
    // before escape analysis; param-vs-iface has no escaping value).
    expect(checked > 0).toBe(!['compile-error', 'param-vs-iface'].includes(name));
  });

  test.each(captureCases())('%s: can inline / cannot inline names match', (name) => {
    const sources = sourcesOf(name);
    for (const line of readFixture(name, 'm2.txt').split('\n')) {
      const p = parsePositionedLine(line);
      const m = p && /^(?:can|cannot) inline (\S+?)(?: with cost|:(?! repeated))/.exec(p.message);
      const src = p && sources.get(p.file);
      if (
        !p ||
        !m ||
        src === undefined ||
        (m[1]!.startsWith('main.') && !/^main\.func/.test(m[1]!))
      )
        continue;
      // `kinds.deferwrap1`-style wrappers have no literal in the source.
      if (/\.(deferwrap|gowrap)\d+$/.test(m[1]!)) continue;
      const found = indexGoSource(src).enclosingFunction(p.line, (p.column ?? 1) + 1);
      expect(noTypeArgs(found ?? '')).toBe(noTypeArgs(m[1]!));
    }
  });
});

describe('indexGoSource', () => {
  const src = [
    'package main',
    '',
    'type T[K comparable] struct{ m map[K]int }',
    '',
    'func (t *T[K]) Get(k K) int { return t.m[k] }',
    '',
    'func (T[K]) Name() string { return "/* not a comment */ func" }',
    '',
    'func outer(f func(int) int) func() int {',
    '\tg := func() int {',
    '\t\th := func(x int) struct{ a int } { return struct{ a int }{x} }',
    '\t\treturn h(1).a',
    '\t}',
    '\treturn g',
    '}',
    '',
    'var v = func(p *int) {}',
  ].join('\n');
  const idx = indexGoSource(src);

  test('methods, generic receivers, strings and func types do not confuse it', () => {
    expect(idx.funcs.map((f) => f.name)).toEqual([
      '(*T[K]).Get',
      'T[K].Name',
      'outer',
      'outer.func1',
      'outer.func1.1',
      'glob..func1',
    ]);
  });

  test('parameter lists: receivers, params, literal params; bodies are not', () => {
    expect(idx.inParamList(5, 7)).toBe(true); // t
    expect(idx.inParamList(5, 20)).toBe(true); // k
    expect(idx.inParamList(5, 38)).toBe(false); // body
    expect(idx.inParamList(11, 17)).toBe(true); // x of h
    expect(idx.inParamList(17, 15)).toBe(true); // p of a package-level literal
  });

  test('a literal`s own `func` keyword belongs to the enclosing function', () => {
    expect(idx.enclosingFunction(10, 7)).toBe('outer');
    expect(idx.enclosingFunction(10, 8)).toBe('outer.func1');
    expect(idx.enclosingFunction(11, 50)).toBe('outer.func1.1');
    expect(idx.enclosingFunction(3, 1)).toBeUndefined();
    expect(idx.enclosingFunction(99, 1)).toBeUndefined();
  });

  test('columns are UTF-8 byte offsets', () => {
    const u = indexGoSource(
      'package main\n\nfunc f() { s := "héllo"; g := func(y int) {}; _ = s; _ = g }\n',
    );
    // `y` is at byte column 37 (é is two bytes), character column 36.
    expect(u.inParamList(3, 37)).toBe(true);
  });
});
