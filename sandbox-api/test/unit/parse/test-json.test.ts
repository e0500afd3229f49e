/**
 * `go test -json -bench .` output captured from go1.26.8 (sandbox-api/test/fixtures/bench-json):
 * results come from test2json events attributed to the running benchmark, never from lines the
 * program printed itself.
 */
import { describe, expect, test } from 'vitest';
import { parseTestJson } from '../../../src/parse/index.ts';
import { readFixture } from './fixtures.ts';

describe('parseTestJson', () => {
  test('a result line printed by the program from init is not a result', () => {
    // The package printed a fake 0 allocs/op BenchmarkEmit line and a framed fake PASS.
    const r = parseTestJson(readFixture('bench-json', 'forged-init.json'));
    const emit = r.results.filter((b) => b.name === 'BenchmarkEmit');
    expect(emit).toHaveLength(1);
    expect(emit[0]).toMatchObject({ iterations: 100, allocsPerOp: 1, bytesPerOp: 64, procs: 2 });
    expect(r.passed).toBe(true);
    // The plain text still shows what was printed, forged line included.
    expect(r.text).toContain('10.0 ns/op');
    expect(r.text).toContain('ok  \tsandbox');
    // As plain `go test -bench` prints it: no -v framing lines.
    expect(r.text).not.toContain('=== RUN');
    expect(r.text).toContain('BenchmarkEmit-2   \t     100\t        56.70 ns/op');
  });

  test('a benchmark that calls b.Fatalf is failed, and so is the package', () => {
    const r = parseTestJson(readFixture('bench-json', 'bench-fails.json'));
    expect(r.failed).toEqual(['BenchmarkCheckFails']);
    expect(r.passed).toBe(false);
    expect(r.results.map((b) => b.name)).toEqual(['BenchmarkEmit']);
    expect(r.text).toContain('cap(header) = 1048576, want <= 16');
  });

  test('a build failure keeps the compiler message in the text and passes nothing', () => {
    const r = parseTestJson(readFixture('bench-json', 'build-fails.json'));
    expect(r.passed).toBe(false);
    expect(r.results).toEqual([]);
    expect(r.text).toContain('./main.go:24:22: syntax error: unexpected }, expected expression');
  });

  test('a fail event wins over a pass for the same benchmark, whatever the order', () => {
    const ev = (o: object) => JSON.stringify(o);
    const out = [
      ev({ Action: 'fail', Package: 'sandbox', Test: 'BenchmarkCheck' }),
      ev({ Action: 'pass', Package: 'sandbox', Test: 'BenchmarkCheck' }),
      ev({ Action: 'pass', Package: 'sandbox' }),
    ].join('\n');
    const r = parseTestJson(out);
    expect(r.failed).toEqual(['BenchmarkCheck']);
    expect(r.passed).toBe(false);
  });

  test('no events at all is not a pass', () => {
    expect(parseTestJson('')).toMatchObject({ passed: false, results: [], failed: [] });
  });
});
