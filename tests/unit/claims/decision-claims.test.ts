import { describe, expect, test } from 'vitest';
import { evaluateClaim } from '../../../src/lib/claims/evaluate.ts';
import { claim, fixture } from './load-fixture.ts';

// content/snippets/return-address: `x := 0; return &x` on lines 9-10, a local copy on line 17.
const returnAddress = fixture('return-address');
// content/snippets/closure-capture: x captured by value (line 6), n by reference (line 12).
const closures = fixture('closure-capture');

describe('decision claims', () => {
  test('a reported decision is met and quoted with its -m=2 flow', () => {
    const v = evaluateClaim(
      claim({ type: 'decision', line: 9, kind: 'moved-to-heap', subject: 'x', says: 'x moves' }),
      returnAddress,
    );
    expect(v.met).toBe(true);
    expect(v.reason).toContain('line 9: `moved to heap: x`');
    expect(v.reason).toContain('&x (address-of) at line 10');
  });

  test('the wrong subject, line or kind is not met, and the reason lists what was said', () => {
    const wrongSubject = evaluateClaim(
      claim({ type: 'decision', line: 9, kind: 'moved-to-heap', subject: 'y', says: 'y moves' }),
      returnAddress,
    );
    expect(wrongSubject.met).toBe(false);
    expect(wrongSubject.reason).toContain('`moved to heap: x`');
    const emptyLine = evaluateClaim(
      claim({ type: 'decision', line: 17, kind: 'moved-to-heap', says: 'nothing here' }),
      returnAddress,
    );
    expect(emptyLine).toEqual({
      met: false,
      reason: 'no moved-to-heap on line 17: the compiler reported nothing on line 17',
    });
  });

  test('present: false inverts the check', () => {
    const absent = claim({
      type: 'decision',
      line: 6,
      kind: 'moved-to-heap',
      present: false,
      says: 'x is copied, not moved',
    });
    expect(evaluateClaim(absent, closures).met).toBe(true);
    const wronglyAbsent = claim({ ...absent, line: 12 });
    const v = evaluateClaim(wronglyAbsent, closures);
    expect(v.met).toBe(false);
    expect(v.reason).toContain('moved to heap: n');
  });

  test('closure captures are decisions of their own kind', () => {
    const byRef = claim({ type: 'decision', line: 12, kind: 'closure-capture', says: 'by ref' });
    const v = evaluateClaim(byRef, closures);
    expect(v.met).toBe(true);
    expect(v.reason).toContain('capturing by ref: n');
  });
});

describe('stack claims', () => {
  test('a line without heap decisions is on the stack', () => {
    const v = evaluateClaim(claim({ type: 'stack', line: 17, says: 'copy stays' }), returnAddress);
    expect(v).toEqual({ met: true, reason: 'no heap decision on line 17' });
  });

  test('a heap decision on the line breaks the claim, with its reason', () => {
    const v = evaluateClaim(claim({ type: 'stack', line: 9, says: 'wrong' }), returnAddress);
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(
      /^line 9: `moved to heap: x`: &x \(address-of\) at line 10 → … → return &x \(return\) at line 10$/,
    );
  });
});

describe('flow claims', () => {
  test('a reason present in the flow is met and quoted with its hop', () => {
    const v = evaluateClaim(
      claim({ type: 'flow', line: 9, why: 'return', says: 'returned' }),
      returnAddress,
    );
    expect(v.met).toBe(true);
    expect(v.reason).toBe(
      'line 9: `moved to heap: x`: flow ~r0 ← &x, from return &x (return) at line 10',
    );
  });

  test('an absent reason lists the reasons the compiler did give', () => {
    const v = evaluateClaim(
      claim({ type: 'flow', line: 9, why: 'too large for stack', says: 'too big' }),
      returnAddress,
    );
    expect(v.met).toBe(false);
    expect(v.reason).toContain('"address-of", "return"');
  });

  test('a line with no explanation says so', () => {
    const v = evaluateClaim(
      claim({ type: 'flow', line: 17, why: 'return', says: 'a claim' }),
      returnAddress,
    );
    expect(v).toEqual({ met: false, reason: 'no -m=2 explanation on line 17' });
  });
});

describe('compile-error claims', () => {
  // content/snippets/stringer-mismatch: *strings.Reader passed as a fmt.Stringer on line 12.
  const broken = fixture('stringer-mismatch');

  test('the error on the claimed line is met and quoted', () => {
    const v = evaluateClaim(
      claim({ type: 'compile-error', line: 12, contains: 'does not implement', says: 'no String' }),
      broken,
    );
    expect(v.met).toBe(true);
    expect(v.reason).toContain('line 12: cannot use strings.NewReader(s)');
  });

  test('another line or text is not met; code that compiles is not met', () => {
    expect(
      evaluateClaim(claim({ type: 'compile-error', line: 11, says: 'a claim' }), broken).met,
    ).toBe(false);
    const v = evaluateClaim(
      claim({ type: 'compile-error', line: 12, contains: 'undefined', says: 'a claim' }),
      broken,
    );
    expect(v.met).toBe(false);
    expect(v.reason).toContain('main.go:12: cannot use');
    expect(
      evaluateClaim(claim({ type: 'compile-error', line: 9, says: 'a claim' }), returnAddress),
    ).toEqual({
      met: false,
      reason: 'the code compiles',
    });
  });

  test('other claims on code that does not compile fail with the compiler error', () => {
    const v = evaluateClaim(claim({ type: 'stack', line: 11, says: 'a claim' }), broken);
    expect(v.met).toBe(false);
    expect(v.reason).toMatch(/^the code does not compile: main\.go:12: cannot use/);
  });
});
