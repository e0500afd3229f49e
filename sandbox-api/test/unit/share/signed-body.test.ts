import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '../../../src/protocol.ts';
import { resultSigner } from '../../../src/share/result-signer.ts';
import { stableOf } from '../../../src/share/signed-body.ts';
import { result } from './fixtures.ts';

/** A run result with every optional part, non-ASCII text and a bench block (sorts first). */
const rich: AnalyzeResponse = {
  ...result,
  compilerOutput: { text: './main.go:3:6: x escapes to heap — «ü» 逃逸\n', truncated: true },
  run: {
    exitCode: 2,
    signal: null,
    stdout: { text: 'héllo\n\u0000"quoted"\n', truncated: false },
    stderr: { text: 'panic: 中文\n', truncated: false },
    wallMs: 12.5,
    cpuMs: 3.25,
    timedOut: false,
    outOfMemory: false,
    killedReason: 'stopped',
  },
  bench: { results: [], passed: false, failed: ['BenchmarkX'] },
};

const deliveries: Pick<AnalyzeResponse, 'cached' | 'timing'>[] = [
  { cached: false, timing: { queueMs: 1.5, compileMs: 120, linkMs: 80, runMs: 5, totalMs: 210 } },
  {
    cached: false,
    timing: { queueMs: 0, compileMs: 120, linkMs: 80, runMs: 5, parseMs: 2, totalMs: 211.75 },
  },
  { cached: true, timing: { queueMs: 0, compileMs: 0, linkMs: 0, runMs: 0, totalMs: 0.0123 } },
  { cached: true, timing: { queueMs: 0, compileMs: 0, linkMs: 0, runMs: 0, totalMs: 0.5 } },
  // Back to uncached: the prepared head must follow `cached`, not keep the last one.
  { cached: false, timing: { queueMs: 0, compileMs: 1, linkMs: 0, runMs: 0, totalMs: 2 } },
];

describe('signedBody: a result serialised once, signed per delivery', () => {
  // 32 bytes is the service's key; longer than SHA-256's block, HMAC hashes the key first.
  it.each([
    ['a 32-byte key', 32],
    ['a 100-byte key', 100],
  ])('gives the response and the signature sign() gives, with %s', (_name, keyBytes) => {
    const signer = resultSigner(randomBytes(keyBytes));
    for (const r of [result, rich]) {
      const body = signer.prepare(stableOf(AnalyzeResponseSchema.parse(r)));
      for (const d of deliveries) {
        const sent = JSON.parse(body.render(d).toString('utf8')) as unknown;
        const expected = signer.sign(AnalyzeResponseSchema.parse({ ...r, ...d }));
        expect(sent).toEqual(expected);
        // What the site sends back when it shares the result: parsed by the contract first.
        expect(signer.verify(AnalyzeResponseSchema.parse(sent))).toBe(true);
      }
    }
  });

  it('is refused under another key, and once its decisions are changed', () => {
    const signer = resultSigner(randomBytes(32));
    const body = signer.prepare(stableOf(rich));
    const sent = AnalyzeResponseSchema.parse(JSON.parse(body.render(deliveries[2]!).toString()));
    expect(signer.verify(sent)).toBe(true);
    expect(resultSigner(randomBytes(32)).verify(sent)).toBe(false);
    const doctored = { ...sent, decisions: [{ ...sent.decisions[0]!, kind: 'moved-to-heap' }] };
    expect(signer.verify(AnalyzeResponseSchema.parse(doctored))).toBe(false);
  });
});
