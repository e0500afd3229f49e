/** Bench evidence counts only with the proofs of the check's own generated file. */
import { describe, expect, it } from 'vitest';
import type { AnalyzeResponse, BenchLine } from '@go-memory-lab/sandbox-api/protocol';
import { authenticateBench } from '../../../src/lib/exercises/authenticate.ts';
import {
  benchProof,
  doneProof,
  PROOF_FILE,
  provedChecks,
  type ProofKey,
} from '../../../src/lib/exercises/proof.ts';

const key: ProofKey = [0xdeadbeef, 0x01234567, 0x89abcdef, 0x0badf00d];
const line = (name: string, extra: Record<string, number>): BenchLine => ({
  name,
  iterations: 1,
  nsPerOp: 10,
  extra,
  raw: `${name} 1 10 ns/op`,
});
const response = (results: BenchLine[], stdout: string, failed: string[] = []): AnalyzeResponse =>
  ({
    ok: true,
    bench: { results, passed: true, failed },
    run: { stdout: { text: stdout, truncated: false } },
  }) as unknown as AnalyzeResponse;
const proof = (name: string) => Number(benchProof(key, name));
const done = (code: number) => `PASS\ngml-done ${doneProof(key, code)} ${code}\n`;

describe('authenticateBench', () => {
  it("keeps a hidden benchmark's line that carries its proof, without the proof metric", () => {
    const r = response(
      [line('BenchmarkCheckA', { 'gml-proof': proof('BenchmarkCheckA') })],
      done(0),
    );
    const { response: out, problem } = authenticateBench(r, key, ['BenchmarkCheckA']);
    expect(problem).toBeUndefined();
    expect(out.bench?.results[0]?.extra).toEqual({});
    expect(out.bench?.passed).toBe(true);
  });

  it('refuses a line the program printed itself (no proof, or a proof for another key or name)', () => {
    for (const extra of [
      {},
      { 'gml-proof': proof('BenchmarkCheckB') },
      { 'gml-proof': Number(benchProof([1, 2, 3, 4], 'BenchmarkCheckA')) },
    ]) {
      const r = response([line('BenchmarkCheckA-2', extra)], done(0));
      const { response: out, problem } = authenticateBench(r, key, ['BenchmarkCheckA']);
      expect(problem).toEqual({ code: 'forged-result', benchmark: 'BenchmarkCheckA' });
      expect(out.bench?.results).toEqual([]);
    }
  });

  it('cannot judge a run without the done line, and takes the exit code from it', () => {
    const ok = [line('BenchmarkCheckA', { 'gml-proof': proof('BenchmarkCheckA') })];
    const forgedDone = `gml-done 140737488355328 0\n`;
    expect(authenticateBench(response(ok, forgedDone), key, ['BenchmarkCheckA']).problem).toEqual({
      code: 'incomplete-run',
    });
    const failedLater = authenticateBench(response(ok, done(1)), key, ['BenchmarkCheckA']);
    expect(failedLater.problem).toBeUndefined();
    expect(failedLater.response.bench?.passed).toBe(false);
    // A benchmark that failed is judged as the learner's failure, not as "cannot judge".
    const crashed = authenticateBench(response([], 'panic: boom\n', ['BenchmarkCheckA']), key, [
      'BenchmarkCheckA',
    ]);
    expect(crashed.problem).toBeUndefined();
  });
});

describe('provedChecks', () => {
  it('renames the proof call per key, so no fixed name reaches the proof', () => {
    const checks = [
      {
        name: 'check_test.go',
        content: 'func BenchmarkCheckA(b *testing.B) {\n\tgmlProve(b)\n}\n',
      },
    ];
    const a = provedChecks(checks, key);
    const b = provedChecks(checks, [5, 6, 7, 8]);
    expect(a.map((f) => f.name)).toEqual(['check_test.go', PROOF_FILE]);
    expect(a[0]!.content).not.toContain('gmlProve');
    expect(a[0]!.content).not.toBe(b[0]!.content);
    expect(a[1]!.content).not.toContain(doneProof(key, 0).toString());
    expect(provedChecks([], key)).toEqual([]);
  });
});
