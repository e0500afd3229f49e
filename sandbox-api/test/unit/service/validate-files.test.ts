import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/errors.ts';
import { validateFiles } from '../../../src/input/validate-files.ts';

const limits = { maxFiles: 3, maxSourceBytes: 100 };
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiFailure) return `${e.status} ${e.body.code}`;
    throw e;
  }
  return undefined;
};

describe('validateFiles', () => {
  it('accepts plain .go names within the limits', () => {
    const files = [
      { name: 'main.go', content: 'package main\n' },
      { name: 'main_test.go', content: 'package main\n' },
    ];
    expect(validateFiles(files, limits)).toEqual(files);
  });

  it.each(['../main.go', '/abs.go', 'dir/x.go', 'go.mod', '.hidden.go', 'main.txt', 'a\\b.go'])(
    'rejects the name %s',
    (name) => {
      expect(codeOf(() => validateFiles([{ name, content: '' }], limits))).toBe(
        '400 bad_file_name',
      );
    },
  );

  it('rejects duplicates, too many files, too much source, and only-test packages', () => {
    const f = (name: string, content = 'package main\n') => ({ name, content });
    expect(codeOf(() => validateFiles([f('a.go'), f('a.go')], limits))).toBe('400 bad_file_name');
    expect(codeOf(() => validateFiles([f('a.go'), f('b.go'), f('c.go'), f('d.go')], limits))).toBe(
      '400 too_many_files',
    );
    expect(codeOf(() => validateFiles([f('a.go', 'x'.repeat(101))], limits))).toBe(
      '400 source_too_large',
    );
    expect(codeOf(() => validateFiles([f('a_test.go')], limits))).toBe('400 invalid_request');
  });

  it('counts bytes, not UTF-16 units', () => {
    // 34 three-byte characters = 102 bytes, but only 34 string units.
    expect(codeOf(() => validateFiles([{ name: 'a.go', content: '世'.repeat(34) }], limits))).toBe(
      '400 source_too_large',
    );
  });
});
