/** Every message shape met in the real captures (and the catalogue's examples) → its kind. */
import { describe, expect, test } from 'vitest';
import { classifyMessage } from '../../../src/parse/index.ts';

describe('classifyMessage', () => {
  test.each([
    ['moved to heap: t', 'moved-to-heap', 't', {}],
    ['&bytes.Buffer{...} escapes to heap', 'escapes-to-heap', '&bytes.Buffer{...}', {}],
    ['append escapes to heap', 'escapes-to-heap', 'append', { append: true }],
    ['[]int{...} does not escape', 'does-not-escape', '[]int{...}', {}],
    ['append does not escape', 'does-not-escape', 'append', { append: true }],
    ['leaking param: p', 'leaking-param', 'p', {}],
    ['leaking param content: ps', 'leaking-param-content', 'ps', {}],
    [
      'leaking param: pp to result ~r0 level=1',
      'leaking-param-to-result',
      'pp',
      { result: '~r0', level: 1 },
    ],
    ['can inline (*R).M', 'can-inline', '(*R).M', {}],
    [
      'can inline add with cost 4 as: func(int, int) int { return a + b }',
      'can-inline',
      'add',
      { cost: 4, body: 'func(int, int) int { return a + b }' },
    ],
    [
      'cannot inline newT: marked go:noinline',
      'cannot-inline',
      'newT',
      { reason: 'marked go:noinline' },
    ],
    [
      'cannot inline copyBuf: function too complex: cost 149 exceeds budget 80',
      'cannot-inline',
      'copyBuf',
      { reason: 'function too complex: cost 149 exceeds budget 80', cost: 149, budget: 80 },
    ],
    [
      'cannot inline withRecover.func1: call to recover',
      'cannot-inline',
      'withRecover.func1',
      { reason: 'call to recover' },
    ],
    [
      'cannot inline fact into main: repeated recursive cycle',
      'cannot-inline',
      'fact',
      { reason: 'repeated recursive cycle', caller: 'main' },
    ],
    ['inlining call to fmt.Println', 'inlining-call', 'fmt.Println', {}],
    ['inlining call to f with score 12', 'inlining-call', 'f', { score: 12 }],
    [
      'devirtualizing s.Area to *Circle',
      'devirtualizing',
      's.Area',
      { type: '*Circle', partial: false },
    ],
    [
      'partially devirtualizing s.Area to Sq',
      'devirtualizing',
      's.Area',
      { type: 'Sq', partial: true },
    ],
    [
      'closure capturing by ref: n (addr=false assign=true width=8)',
      'closure-capture',
      'n',
      { by: 'ref', addr: false, assign: true, width: 8 },
    ],
    [
      'main capturing by value: i (addr=false assign=false width=8)',
      'closure-capture',
      'i',
      { by: 'value', addr: false, assign: false, width: 8 },
    ],
    [
      'loop variable i now per-iteration, heap-allocated',
      'loop-variable',
      'i',
      { allocated: 'heap' },
    ],
    [
      'loop variable i now per-iteration, stack-allocated (loop inlined into ./main.go:21)',
      'loop-variable',
      'i',
      { allocated: 'stack', inlinedInto: 'main.go:21' },
    ],
    ['zero-copy string->[]byte conversion', 'zero-copy', '', {}],
    ['index bounds check elided', 'bounds-check-elided', '', {}],
    [
      'b does not escape, mutate, or call',
      'param-does-not-escape',
      'b',
      { mutates: false, calls: false },
    ],
    [
      'example.com/bench.sinkP will be kept alive',
      'other',
      'example.com/bench.sinkP',
      { keptAlive: true },
    ],
    ['mutates param: b derefs=0', 'other', 'b', { effect: 'mutates', derefs: 0 }],
    [
      '(*Stack[go.shape.int]).Pop ignoring self-assignment in s.items = s.items[:len(s.items) - 1]',
      'other',
      's.items = s.items[:len(s.items) - 1]',
      { selfAssignment: true },
    ],
  ])('%s', (message, kind, subject, details) => {
    expect(classifyMessage(message)).toMatchObject({ kind, subject, details });
  });

  test('the function a message names is returned', () => {
    expect(
      classifyMessage('closure capturing by ref: n (addr=false assign=true width=8)')?.function,
    ).toBe('closure');
    expect(
      classifyMessage(
        '(*Stack[go.shape.int]).Pop ignoring self-assignment in s.items = s.items[:len(s.items) - 1]',
      )?.function,
    ).toBe('(*Stack[go.shape.int]).Pop');
  });

  test('compile errors and new messages are not classified', () => {
    expect(classifyMessage('declared and not used: x')).toBeUndefined();
    expect(classifyMessage('x escapes to heap, not allowed in runtime')).toBeUndefined();
  });
});
