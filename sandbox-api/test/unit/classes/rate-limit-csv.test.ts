import { describe, expect, it } from 'vitest';
import { classCsv, csvField } from '../../../src/classes/class-csv.ts';
import { createRateLimiter } from '../../../src/classes/rate-limit.ts';

describe('progress rate limit', () => {
  it('allows a burst, refuses beyond it, and refills over time per key', () => {
    const rl = createRateLimiter({ burst: 3, perSecond: 0.5 });
    expect([1, 2, 3, 4].map(() => rl.take('a', 1000))).toEqual([true, true, true, false]);
    expect(rl.take('b', 1000)).toBe(true);
    expect(rl.take('a', 2999)).toBe(false);
    expect(rl.take('a', 3000)).toBe(true);
  });

  it('forgets idle keys so memory follows active learners only', () => {
    const rl = createRateLimiter({ burst: 2, perSecond: 1 });
    for (let i = 0; i < 100; i++) rl.take(`k${i}`, 0);
    rl.take('late', 10_000);
    expect(rl.size()).toBe(1);
  });
});

describe('class CSV', () => {
  it('quotes every field and defuses spreadsheet formulas in names', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('张伟')).toBe('"张伟"');
    expect(csvField(undefined)).toBe('""');
  });

  it('has one row per learner × exercise with status and goals met', () => {
    const csv = classCsv(
      {
        id: 'C',
        name: 'room',
        exercises: ['a', 'b'],
        keyHash: '',
        createdAt: '',
        expiresAt: '',
        revision: 0,
      },
      {
        revision: 0,
        learners: [{ id: 'L', tokenHash: '', name: 'Ana', joinedAt: 'J' }],
        cells: new Map([
          [
            'L',
            [
              {
                exercise: 'a',
                attempts: 2,
                goals: [true, true],
                seconds: 90,
                solvedSeconds: 90,
                solvedAt: 'S',
                firstAt: 'F',
                lastAt: 'T',
              },
            ],
          ],
        ]),
      },
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('"Ana","J","a","solved","2","2","2","90","90","","","T"');
    expect(lines[2]).toBe('"Ana","J","b","not_started","0","","","","","","",""');
  });
});
