import { describe, expect, it } from 'vitest';
import {
  exerciseHref,
  neighbours,
  parseSequence,
  sequenceQuery,
} from '../../../src/lib/exercises/sequence.ts';

const known = ['a', 'b', 'c', 'd'];

describe('instructor sequences', () => {
  it('keeps the link order, drops duplicates and reports unknown slugs', () => {
    expect(parseSequence('?seq=c,a,zz,c', known)).toEqual({ slugs: ['c', 'a'], unknown: ['zz'] });
    expect(parseSequence('?other=1', known)).toBeUndefined();
  });

  it('follows the sequence for previous and next', () => {
    expect(neighbours(['c', 'a', 'd'], 'a')).toEqual({
      prev: 'c',
      next: 'd',
      position: { index: 2, of: 3 },
    });
    expect(neighbours(['c', 'a'], 'c')).toEqual({ next: 'a', position: { index: 1, of: 2 } });
    expect(neighbours(['c'], 'b')).toEqual({});
  });

  it('builds links that carry the sequence', () => {
    expect(sequenceQuery(['c', 'a'])).toBe('?seq=c,a');
    expect(exerciseHref('a', ['c', 'a'])).toBe('/workshop/a/?seq=c,a');
    expect(exerciseHref('a', undefined)).toBe('/workshop/a/');
  });
});
