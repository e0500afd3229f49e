import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AnalyzeResponse } from '../protocol.ts';
import { canonicalJson } from './canonical-json.ts';
import { signedBody, type SignedBody, type StableResponse } from './signed-body.ts';

/** Signs the results this service produced and recognises them when they come back. */
export interface ResultSigner {
  /** The response with its `signature` set. */
  sign(response: AnalyzeResponse): AnalyzeResponse;
  /** True only for a response this service signed, unchanged since. */
  verify(response: AnalyzeResponse): boolean;
  /** A result serialised once, signed per delivery: what `sign` gives, as JSON text. */
  prepare(stable: StableResponse): SignedBody;
}

export function resultSigner(key: Buffer): ResultSigner {
  const mac = (r: AnalyzeResponse): string => {
    // The signature covers everything but itself.
    return createHmac('sha256', key)
      .update(canonicalJson({ ...r, signature: undefined }))
      .digest('hex');
  };
  return {
    sign: (r) => ({ ...r, signature: mac(r) }),
    verify: (r) => {
      if (r.signature === undefined) return false;
      const expected = Buffer.from(mac(r), 'hex');
      const given = Buffer.from(r.signature, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    prepare: (stable) => signedBody(key, stable),
  };
}
