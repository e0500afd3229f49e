/**
 * Golden tests: every captured output parsed and compared with its reviewed `.expected.json`.
 * `npm run goldens` rewrites them (a test run never does).
 */
import { describe, expect, test } from 'vitest';
import {
  AnalyzeResponseSchema,
  BenchResultSchema,
  DecisionSchema,
  GcResultSchema,
} from '../../../src/protocol.ts';
import {
  mergeJsonLog,
  parseBenchOutput,
  parseCompilerOutput,
  parseRuntimeStderr,
} from '../../../src/parse/index.ts';
import {
  captureCases,
  exitCodes,
  expectGolden,
  hasFixture,
  jsonLogOf,
  readFixture,
  sourcesOf,
} from './fixtures.ts';

const decisionsAreValid = (ds: unknown[]) =>
  ds.forEach((d) => expect(() => DecisionSchema.parse(d)).not.toThrow());

describe.each(captureCases())('captured case %s (go1.26.8)', (name) => {
  const sources = sourcesOf(name);
  const exits = exitCodes(name);

  test('-m text', () => {
    const parsed = parseCompilerOutput(readFixture(name, 'm1.txt'), sources, {
      failed: exits['m1'] !== 0,
    });
    decisionsAreValid(parsed.decisions);
    expectGolden(parsed, name, 'm1.expected.json');
  });

  test('-m=2 text merged with the -json log', () => {
    const parsed = parseCompilerOutput(readFixture(name, 'm2.txt'), sources, {
      failed: exits['m2'] !== 0,
    });
    const decisions = mergeJsonLog(parsed.decisions, jsonLogOf(name), []);
    decisionsAreValid(decisions);
    expectGolden({ ...parsed, decisions }, name, 'm2.expected.json');
  });

  // Only run and bench cases captured these; the others have nothing to check here.
  if (hasFixture(name, 'stderr.txt')) {
    test('runtime stderr', () => {
      const parsed = parseRuntimeStderr(readFixture(name, 'stderr.txt'));
      expect(() => GcResultSchema.parse(parsed.gc)).not.toThrow();
      expectGolden(parsed, name, 'stderr.expected.json');
    });
  }

  if (hasFixture(name, 'bench.txt')) {
    test('bench stdout', () => {
      const parsed = parseBenchOutput(readFixture(name, 'bench.txt'));
      expect(() => BenchResultSchema.parse(parsed)).not.toThrow();
      expectGolden(parsed, name, 'bench.expected.json');
    });
  }
});

describe('reference captures (go1.26.11)', () => {
  const ref = (f: string) => readFixture('reference', f);
  const src = (f: string) => new Map([['main.go', ref(f)]]);

  test.each([
    ['esc_m1_go1.26.11.txt', 'esc_main.go'],
    ['esc_m2_go1.26.11.txt', 'esc_main.go'],
    ['kinds_m1_go1.26.11.txt', 'kinds_main.go'],
    ['factcheck_m_go1.26.11.txt', 'factcheck_main.go'],
  ])('%s', (text, source) => {
    const parsed = parseCompilerOutput(ref(text), src(source), { failed: false });
    const decisions = text.startsWith('esc_m2')
      ? mergeJsonLog(
          parsed.decisions,
          [{ name: 'main/main.json', content: ref('esc_json0_main.json') }],
          [],
        )
      : parsed.decisions;
    decisionsAreValid(decisions);
    expectGolden({ ...parsed, decisions }, 'reference', text.replace('.txt', '.expected.json'));
  });

  test.each(['godebug_trace_go1.26.11.txt', 'gctrace2_go1.26.11.txt'])('%s', (text) => {
    const parsed = parseRuntimeStderr(ref(text));
    expect(() => GcResultSchema.parse(parsed.gc)).not.toThrow();
    expectGolden(parsed, 'reference', text.replace('.txt', '.expected.json'));
  });
});

test('parsed output fits the wire contract of an analyze response', () => {
  const parsed = parseCompilerOutput(
    readFixture('esc-io-copy', 'm2.txt'),
    sourcesOf('esc-io-copy'),
    {
      failed: false,
    },
  );
  const shape = AnalyzeResponseSchema.shape.decisions;
  expect(() => shape.parse(parsed.decisions)).not.toThrow();
});
