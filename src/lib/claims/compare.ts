import type { Claim } from './schema.ts';

export type Comparison = Extract<Claim, { type: 'bench' }>['op'];

/** `a op b` for the claim comparison operators. */
export function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
    case '>=':
      return a >= b;
    case '>':
      return a > b;
  }
}
