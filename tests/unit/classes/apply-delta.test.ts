import { describe, expect, it } from 'vitest';
import type { ClassDashboard, ClassLearner } from '@go-memory-lab/sandbox-api/protocol';
import { applyDelta } from '../../../src/lib/classes/apply-delta.ts';

const learner = (id: string, attempts: number): ClassLearner => ({
  id,
  name: `n-${id}`,
  joinedAt: '2026-12-01T10:00:00Z',
  cells:
    attempts === 0
      ? []
      : [
          {
            exercise: 'a',
            attempts,
            goals: [false],
            seconds: 10,
            firstAt: '2026-12-01T10:00:00Z',
            lastAt: '2026-12-01T10:00:00Z',
            hasCode: false,
          },
        ],
});

const board: ClassDashboard = {
  class: { id: 'C', name: 'room', exercises: ['a'], createdAt: '', expiresAt: '' },
  learners: [learner('L1', 0), learner('L2', 1), learner('L3', 0)],
  now: '2026-12-01T10:00:00.000Z',
  revision: 4,
};

describe('applyDelta', () => {
  it('replaces changed rows in place, appends new learners, drops removed ones', () => {
    const out = applyDelta(board, {
      revision: 7,
      now: '2026-12-01T10:01:00.000Z',
      learners: [learner('L4', 1), learner('L2', 2)],
      removed: ['L1'],
    });
    expect(out.learners.map((l) => l.id)).toEqual(['L2', 'L3', 'L4']);
    expect(out.learners[0]!.cells[0]!.attempts).toBe(2);
    expect(out.revision).toBe(7);
    expect(out.now).toBe('2026-12-01T10:01:00.000Z');
    // Unchanged rows are the same objects (the grid redraws by row signature) and the input
    // is left as it was.
    expect(out.learners[1]).toBe(board.learners[2]);
    expect(board.learners.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
  });

  it('a heartbeat moves only the clock', () => {
    const out = applyDelta(board, {
      revision: 4,
      now: '2026-12-01T10:05:00.000Z',
      learners: [],
      removed: [],
    });
    expect(out).toEqual({ ...board, now: '2026-12-01T10:05:00.000Z' });
  });
});
