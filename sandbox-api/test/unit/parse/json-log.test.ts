import { describe, expect, test } from 'vitest';
import { mergeJsonLog, parseCompilerOutput } from '../../../src/parse/index.ts';
import type { Decision } from '../../../src/protocol.ts';
import { jsonLogOf, readFixture, sourcesOf } from './fixtures.ts';

const ref = (f: string) => readFixture('reference', f);
const sources = new Map([['main.go', ref('esc_main.go')]]);
const log = [{ name: 'main/main.json', content: ref('esc_json0_main.json') }];
const parse = (text: string) => parseCompilerOutput(text, sources, { failed: false }).decisions;
const find = (ds: Decision[], line: number, column: number, kind: Decision['kind']) =>
  ds.find((d) => d.file === 'main.go' && d.line === line && d.column === column && d.kind === kind);

describe('mergeJsonLog', () => {
  test('adds the inline chain of code inlined from the standard library', () => {
    const merged = mergeJsonLog(parse(ref('esc_m2_go1.26.11.txt')), log, []);
    expect(find(merged, 74, 24, 'escapes-to-heap')?.inlinedFrom).toEqual([
      { file: '$GOROOT/src/bytes/buffer.go', line: 490, column: 45 },
    ]);
    expect(find(merged, 22, 2, 'moved-to-heap')?.inlinedFrom).toBeUndefined();
  });

  test('fills step positions the text lacked', () => {
    const full = parse(ref('esc_m2_go1.26.11.txt'));
    const stripped = parse(ref('esc_m2_go1.26.11.txt').replace(/ at \S+$/gm, ''));
    const t = find(stripped, 22, 2, 'moved-to-heap');
    expect(t?.explanation?.steps[0]?.reasons[0]?.at).toBeUndefined();
    const merged = mergeJsonLog(stripped, log, []);
    const user = (ds: Decision[]) =>
      ds.filter((d) => d.file === 'main.go' && !d.details['unmatchedExplanation']);
    expect(user(merged).map((d) => d.explanation)).toEqual(
      user(mergeJsonLog(full, log, [])).map((d) => d.explanation),
    );
  });

  test('gives -m (level 1) decisions the explanations -m=2 would print', () => {
    const m1 = mergeJsonLog(parse(ref('esc_m1_go1.26.11.txt')), log, []);
    const m2 = parse(ref('esc_m2_go1.26.11.txt'));
    for (const [line, column, kind] of [
      [22, 2, 'moved-to-heap'],
      [73, 14, 'leaking-param'],
      [74, 24, 'escapes-to-heap'],
    ] as const) {
      const fromJson = find(m1, line, column, kind)?.explanation;
      const fromText = find(m2, line, column, kind)?.explanation;
      expect(
        fromJson?.steps.map((s) => [s.dst, s.ops, s.src, s.reasons.map((r) => r.why)]),
      ).toEqual(fromText?.steps.map((s) => [s.dst, s.ops, s.src, s.reasons.map((r) => r.why)]));
      expect(fromJson?.header).toBe(fromText?.header);
    }
  });

  test('job directory prefixes are stripped from file URIs', () => {
    const absolute = log.map((f) => ({
      ...f,
      content: f.content
        .replaceAll('file://./main.go', 'file:///tmp/job-1/main.go')
        .replace('"file":"./main.go"', '"file":"/tmp/job-1/main.go"'),
    }));
    // Without ` at …` in the text, step positions come from the (absolute) URIs.
    const decisions = parse(ref('esc_m2_go1.26.11.txt').replace(/ at \S+$/gm, ''));
    const merged = mergeJsonLog(decisions, absolute, ['/tmp/job-1/']);
    expect(merged).toEqual(mergeJsonLog(decisions, log, []));
    expect(find(merged, 22, 2, 'moved-to-heap')?.explanation?.steps[0]?.reasons[0]?.at).toEqual({
      file: 'main.go',
      line: 23,
      column: 9,
    });
  });

  test('an inlined copy renamed by constant propagation still gets its chain', () => {
    const parsed = parseCompilerOutput(
      readFixture('esc-slices', 'm2.txt'),
      sourcesOf('esc-slices'),
      {
        failed: false,
      },
    );
    const merged = mergeJsonLog(parsed.decisions, jsonLogOf('esc-slices'), []);
    const d = merged.find((x) => x.line === 47 && x.kind === 'escapes-to-heap');
    expect(d?.subject).toBe('make([]byte, 3)');
    expect(d?.inlinedFrom).toEqual([{ file: 'main.go', line: 36, column: 18 }]);
  });

  test('garbage lines and unknown files change nothing', () => {
    const decisions = parse(ref('esc_m2_go1.26.11.txt'));
    expect(
      mergeJsonLog(decisions, [{ name: 'x.json', content: 'not json\n{}\n[1]\n' }], []),
    ).toEqual(decisions);
    expect(mergeJsonLog([], log, [])).toEqual([]);
  });

  test('does not mutate its input', () => {
    const decisions = parse(ref('esc_m1_go1.26.11.txt'));
    const before = structuredClone(decisions);
    mergeJsonLog(decisions, log, []);
    expect(decisions).toEqual(before);
  });
});
