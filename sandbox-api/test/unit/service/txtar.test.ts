import { describe, expect, it } from 'vitest';
import { splitTxtar } from '../../../src/input/txtar.ts';

describe('splitTxtar', () => {
  it('names an unnamed leading section main.go', () => {
    expect(splitTxtar('package main\n\nfunc main() {}\n-- util.go --\npackage main\n')).toEqual([
      { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
      { name: 'util.go', content: 'package main\n' },
    ]);
  });

  it('drops a blank leading section and keeps marker order', () => {
    const files = splitTxtar('\n-- a.go --\npackage a\n-- a_test.go --\npackage a\n');
    expect(files.map((f) => f.name)).toEqual(['a.go', 'a_test.go']);
  });

  it('treats text without markers as one main.go and adds the final newline', () => {
    expect(splitTxtar('package main')).toEqual([{ name: 'main.go', content: 'package main\n' }]);
  });

  it('keeps odd names verbatim for validation to reject', () => {
    expect(splitTxtar('-- ../x.go --\npackage main\n')[0]?.name).toBe('../x.go');
  });

  it('accepts CRLF marker lines', () => {
    expect(splitTxtar('-- b.go --\r\npackage b\r\n').map((f) => f.name)).toEqual(['b.go']);
  });
});
