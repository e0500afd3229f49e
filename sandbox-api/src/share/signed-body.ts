import { createHash, type Hash } from 'node:crypto';
import type { AnalyzeResponse } from '../protocol.ts';
import { canonicalJson } from './canonical-json.ts';

/** What differs between two deliveries of one stored result: a hit, a joiner, the miss itself. */
export type Delivery = Pick<AnalyzeResponse, 'cached' | 'timing'>;

/** A response without the per-delivery fields and without its signature. */
export type StableResponse = Omit<AnalyzeResponse, 'cached' | 'timing' | 'signature'>;

/** `r` without its per-delivery fields and signature: what `signedBody` serialises once. */
export function stableOf(r: AnalyzeResponse): StableResponse {
  const stable: Partial<AnalyzeResponse> = { ...r };
  delete stable.cached;
  delete stable.timing;
  delete stable.signature;
  return stable as StableResponse;
}

/** One result's response body, serialised once and signed per delivery. */
export interface SignedBody {
  /** The UTF-8 JSON body of `{...stable, ...delivery}` with its `signature`. */
  render(delivery: Delivery): Buffer<ArrayBuffer>;
}

/** SHA-256's block size: HMAC pads (or first hashes) its key to it (RFC 2104). */
const BLOCK = 64;

/**
 * Serialises `stable` once in the canonical form `result-signer.ts` signs, and computes the
 * HMAC by hand (RFC 2104) so its inner hash can be carried over the stable text once: a
 * delivery then hashes only `timing` and what sorts after it (`toolchain`), instead of a zod
 * parse, a canonical re-serialisation and an HMAC pass over the whole result (a build result
 * is tens of KiB; that was about 1.5 ms of every cache hit). The text is the canonical JSON
 * itself, so the signature is the one `sign()` computes, byte for byte.
 */
export function signedBody(key: Buffer, stable: StableResponse): SignedBody {
  const block = Buffer.alloc(BLOCK);
  (key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block);
  const pad = (byte: number): Buffer => Buffer.from(block.map((b) => b ^ byte));
  const inner = createHash('sha256').update(pad(0x36));
  const outer = createHash('sha256').update(pad(0x5c));

  const members = new Map<string, string>();
  for (const [name, value] of Object.entries(stable)) {
    if (name === 'signature' || name === 'cached' || name === 'timing') continue;
    // canonicalJson drops undefined members the same way (JSON.stringify returns undefined).
    const text = canonicalJson(value) as string | undefined;
    if (text !== undefined) members.set(name, `${JSON.stringify(name)}:${text}`);
  }
  // canonicalJson sorts keys with the default sort; the top level must use the same order.
  const order = [...members.keys(), 'cached', 'timing'].sort();
  const split = order.indexOf('timing');
  const part = (name: string, d: Delivery): string =>
    members.get(name) ?? `"${name}":${canonicalJson(name === 'cached' ? d.cached : d.timing)}`;

  /**
   * Everything before `timing` depends on `cached` alone: its bytes and the inner hash over
   * them are made for the last value seen (a result is delivered uncached once, then cached).
   */
  let head: { cached: boolean; bytes: Buffer; hash: Hash } | undefined;
  return {
    render: (d) => {
      if (head?.cached !== d.cached) {
        const bytes = Buffer.from(
          `{${order
            .slice(0, split)
            .map((n) => `${part(n, d)},`)
            .join('')}`,
        );
        head = { cached: d.cached, bytes, hash: inner.copy().update(bytes) };
      }
      const rest = `${order
        .slice(split)
        .map((n) => part(n, d))
        .join(',')}}`;
      const innerDigest = head.hash.copy().update(rest).digest();
      const signature = outer.copy().update(innerDigest).digest('hex');
      const tail = Buffer.from(`${rest.slice(0, -1)},"signature":"${signature}"}`);
      return Buffer.concat([head.bytes, tail]);
    },
  };
}
