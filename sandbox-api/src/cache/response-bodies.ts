import type { Answer } from '../answer-analyze.ts';
import { AnalyzeResponseSchema, TimingSchema } from '../protocol.ts';
import type { ResultSigner } from '../share/result-signer.ts';
import { stableOf, type SignedBody } from '../share/signed-body.ts';

/** The JSON body (UTF-8) of one analyze answer, validated and signed. */
export type ResponseBodies = (answer: Answer) => Buffer<ArrayBuffer>;

/**
 * One serialised, signed body per stored result, kept as long as the result itself is (the
 * service's LRU, or the waiters of one job): a cache hit and the joiners of a single-flight job
 * pay one HMAC pass, not a zod parse and a canonical re-serialisation of the whole result.
 * Each result is checked against the contract once, on its first delivery; each delivery's
 * own `timing` every time.
 */
export function responseBodies(signer: ResultSigner): ResponseBodies {
  const bodies = new WeakMap<Answer['result'], SignedBody>();
  return (answer) => {
    let body = bodies.get(answer.result);
    if (body === undefined) {
      const checked = AnalyzeResponseSchema.parse({
        ...answer.result,
        cached: answer.cached,
        timing: answer.timing,
      });
      body = signer.prepare(stableOf(checked));
      bodies.set(answer.result, body);
    }
    return body.render({ cached: answer.cached, timing: TimingSchema.parse(answer.timing) });
  };
}
