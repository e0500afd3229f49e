import { describe, expect, it } from 'vitest';
import {
  CreateClassRequestSchema,
  DisplayNameSchema,
  JoinClassRequestSchema,
  ProgressReportSchema,
} from '../../../src/protocol.ts';

const token = 'aaaaaaaaaaaaaaaaaaaaaa';

describe('class schemas', () => {
  it('accepts names in any script up to 60 characters, trimmed', () => {
    expect(DisplayNameSchema.parse('  张伟  ')).toBe('张伟');
    expect(DisplayNameSchema.parse('😀'.repeat(60))).toBe('😀'.repeat(60));
    expect(DisplayNameSchema.safeParse('字'.repeat(61)).success).toBe(false);
    expect(DisplayNameSchema.safeParse('   ').success).toBe(false);
  });

  it('keeps HTML as text (escaped when shown) but refuses control and bidi characters', () => {
    expect(DisplayNameSchema.parse('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(DisplayNameSchema.safeParse('a\u0000b').success).toBe(false);
    expect(DisplayNameSchema.safeParse('evil\u202Eeman').success).toBe(false);
    expect(DisplayNameSchema.safeParse('line\nbreak').success).toBe(false);
  });

  it('refuses a class with no exercise, a duplicate, a malformed slug or extra fields', () => {
    const ok = { name: 'Go workshop', exercises: ['return-by-value'] };
    expect(CreateClassRequestSchema.safeParse(ok).success).toBe(true);
    expect(CreateClassRequestSchema.safeParse({ ...ok, exercises: [] }).success).toBe(false);
    expect(CreateClassRequestSchema.safeParse({ ...ok, exercises: ['a-b', 'a-b'] }).success).toBe(
      false,
    );
    expect(CreateClassRequestSchema.safeParse({ ...ok, exercises: ['../x'] }).success).toBe(false);
    expect(CreateClassRequestSchema.safeParse({ ...ok, admin: true }).success).toBe(false);
    expect(CreateClassRequestSchema.safeParse({ ...ok, minutes: 2.5 }).success).toBe(false);
  });

  it('needs a browser token of at least 128 bits to join', () => {
    expect(JoinClassRequestSchema.safeParse({ name: 'A', token }).success).toBe(true);
    expect(JoinClassRequestSchema.safeParse({ name: 'A', token: 'short' }).success).toBe(false);
  });

  it('bounds a progress report: goals, reason length, shared code size', () => {
    const ok = { token, exercise: 'x', goals: [true], seconds: 3 };
    expect(ProgressReportSchema.safeParse(ok).success).toBe(true);
    expect(ProgressReportSchema.safeParse({ ...ok, goals: [] }).success).toBe(false);
    expect(ProgressReportSchema.safeParse({ ...ok, goals: new Array(21).fill(true) }).success).toBe(
      false,
    );
    expect(ProgressReportSchema.safeParse({ ...ok, seconds: -1 }).success).toBe(false);
    expect(
      ProgressReportSchema.safeParse({ ...ok, failing: { goal: 0, reason: 'x'.repeat(501) } })
        .success,
    ).toBe(false);
    expect(ProgressReportSchema.safeParse({ ...ok, code: 'x'.repeat(65 * 1024) }).success).toBe(
      false,
    );
  });
});
