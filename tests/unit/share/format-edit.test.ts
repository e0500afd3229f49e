import { describe, expect, it } from 'vitest';
import { mapOffset, textChange } from '../../../src/lib/share/format-edit.ts';

// A real gofmt round trip (go1.26.8 through POST /api/v1/format): layout changes and a dropped `;`.
const BEFORE =
  'package main\nimport "fmt"\nfunc main(){\nx:=[]int{1,2,3};\nfor _,v:=range x{fmt.Println(v)}\n}\n';
const AFTER =
  'package main\n\nimport "fmt"\n\nfunc main() {\n\tx := []int{1, 2, 3}\n\tfor _, v := range x {\n\t\tfmt.Println(v)\n\t}\n}\n';

describe('textChange', () => {
  it('is one replacement that turns the text into gofmt’s, and nothing when equal', () => {
    const c = textChange(BEFORE, AFTER)!;
    expect(BEFORE.slice(0, c.from) + c.insert + BEFORE.slice(c.to)).toBe(AFTER);
    // Only what differs: the shared `package main\n` head and `}\n` tail are not rewritten.
    expect(c.from).toBe('package main\n'.length);
    expect(BEFORE.length - c.to).toBeGreaterThanOrEqual(2);
    expect(textChange(AFTER, AFTER)).toBeUndefined();
  });
});

describe('mapOffset', () => {
  it('keeps the cursor before the same token', () => {
    for (const token of ['fmt.Println', 'range', '3}', 'v)']) {
      const at = mapOffset(BEFORE, AFTER, BEFORE.indexOf(token));
      expect(AFTER.slice(at, at + token.length)).toBe(token);
    }
  });

  it('maps the ends of the text to the ends', () => {
    expect(mapOffset(BEFORE, AFTER, 0)).toBe(0);
    expect(AFTER.slice(0, mapOffset(BEFORE, AFTER, BEFORE.length)).trimEnd()).toBe(AFTER.trimEnd());
  });
});
