import { describe, expect, it } from 'vitest';
import type { ClassCell, ClassDashboard, ClassLearner } from '@go-memory-lab/sandbox-api/protocol';
import {
  cellState,
  clock,
  roomTotals,
  sortLearners,
  stuckSeconds,
} from '../../../src/lib/classes/grid.ts';

const cell = (exercise: string, solvedAt?: string): ClassCell => ({
  exercise,
  attempts: 1,
  goals: [solvedAt !== undefined],
  seconds: 60,
  firstAt: '2026-12-01T10:00:00Z',
  lastAt: '2026-12-01T10:00:00Z',
  hasCode: false,
  ...(solvedAt ? { solvedAt, solvedSeconds: 60 } : {}),
});

const learner = (id: string, name: string, joinedAt: string, cells: ClassCell[]): ClassLearner => ({
  id,
  name,
  joinedAt,
  cells,
});

const board: ClassDashboard = {
  class: {
    id: 'C',
    name: 'room',
    exercises: ['a', 'b'],
    createdAt: '2026-12-01T09:00:00Z',
    expiresAt: '2026-12-08T09:00:00Z',
  },
  now: '2026-12-01T10:30:00Z',
  revision: 5,
  learners: [
    // Solved a at 10:20: stuck on b for 10 minutes.
    learner('1', 'Zoe', '2026-12-01T10:00:00Z', [cell('a', '2026-12-01T10:20:00Z'), cell('b')]),
    // Joined at 10:05 and never checked anything: 25 minutes without progress.
    learner('2', 'Ann', '2026-12-01T10:05:00Z', []),
    // Done with everything: not stuck at all.
    learner('3', 'Bo', '2026-12-01T10:00:00Z', [
      cell('a', '2026-12-01T10:10:00Z'),
      cell('b', '2026-12-01T10:15:00Z'),
    ]),
  ],
};

describe('dashboard grid', () => {
  it('tells not started, trying and solved apart', () => {
    expect(cellState(undefined)).toBe('not-started');
    expect(cellState(cell('a'))).toBe('trying');
    expect(cellState(cell('a', '2026-12-01T10:00:00Z'))).toBe('solved');
  });

  it('measures stuck time from the last solve or the join, and zero when all are solved', () => {
    const ex = board.class.exercises;
    expect(board.learners.map((l) => stuckSeconds(l, board.now, ex))).toEqual([600, 1500, 0]);
  });

  it('sorts by stuck longest, by name, or keeps the order joined', () => {
    const names = (o: 'stuck' | 'name' | 'joined') =>
      sortLearners(board, o, 'en').map((l) => l.name);
    expect(names('stuck')).toEqual(['Ann', 'Zoe', 'Bo']);
    expect(names('name')).toEqual(['Ann', 'Bo', 'Zoe']);
    expect(names('joined')).toEqual(['Zoe', 'Ann', 'Bo']);
  });

  it('counts the room per exercise for the projector', () => {
    expect(roomTotals(board)).toEqual([
      { exercise: 'a', solved: 2, trying: 0, notStarted: 1 },
      { exercise: 'b', solved: 1, trying: 1, notStarted: 1 },
    ]);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect([clock(0), clock(65), clock(3725)]).toEqual(['0:00', '1:05', '1:02:05']);
  });
});
