import { describe, expect, it } from 'vitest';
import { Lru } from '../../../src/lru.ts';

describe('Lru', () => {
  it('evicts the least recently used entry', () => {
    const c = new Lru<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('also evicts by total bytes, and refuses an entry larger than the budget', () => {
    const c = new Lru<string>(100, { maxBytes: 10, sizeOf: (v) => v.length });
    c.set('a', 'xxxx');
    c.set('b', 'yyyy');
    expect(c.bytes).toBe(8);
    c.set('c', 'zzzz');
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBe(8);
    c.set('huge', 'x'.repeat(11));
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('b')).toBe('yyyy');
    c.set('b', 'yy');
    expect(c.bytes).toBe(6);
  });
});
