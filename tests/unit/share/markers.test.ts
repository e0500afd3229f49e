import { describe, expect, it } from 'vitest';
import type { Decision } from '@go-memory-lab/sandbox-api/protocol';
import {
  explanationMarkdown,
  SEVERITY,
  toMarkers,
} from '../../../src/client/playground/markers.ts';

const text = 'package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n';
const moved: Decision = {
  file: './main.go',
  line: 4,
  column: 2,
  kind: 'moved-to-heap',
  subject: 'x',
  message: 'moved to heap: x',
  details: {},
};

describe('toMarkers', () => {
  it('marks the variable on its line with a heap warning and the compiler text', () => {
    const [m] = toMarkers([moved], [], { file: 'main.go', text });
    expect(m).toMatchObject({
      severity: SEVERITY.Warning,
      startLineNumber: 4,
      startColumn: 2,
      endColumn: 3,
    });
    expect(m!.message).toContain('moved to heap: x');
  });

  it('clamps positions past the end of an edited file and skips other files', () => {
    const far = { ...moved, line: 99, column: 40 };
    const other = { ...moved, file: 'other.go' };
    const markers = toMarkers(
      [far, other],
      [{ file: 'main.go', line: 3, column: 200, message: 'boom' }],
      {
        file: 'main.go',
        text,
      },
    );
    expect(markers).toHaveLength(2);
    for (const m of markers) {
      expect(m.startLineNumber).toBeLessThanOrEqual(text.split('\n').length);
      expect(m.endColumn).toBeGreaterThan(m.startColumn);
    }
    expect(markers[1]).toMatchObject({ severity: SEVERITY.Error, message: 'boom' });
  });
});

describe('explanationMarkdown', () => {
  it('renders each -m=2 hop with its reasons, and nothing without a chain', () => {
    const d: Decision = {
      ...moved,
      explanation: {
        header: 'escapes',
        truncated: false,
        steps: [
          {
            dst: '~r0',
            src: 'x',
            ops: '&',
            reasons: [
              { where: 'return &x', why: 'return', at: { file: 'main.go', line: 5, column: 2 } },
            ],
          },
        ],
      },
    };
    const text = explanationMarkdown(d)!;
    expect(text).toContain('`~r0 ← &x`');
    expect(text).toContain('— return &x (return) at line 5');
    expect(explanationMarkdown(moved)).toBeUndefined();
  });
});
