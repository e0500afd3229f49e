import { createHash } from 'node:crypto';
import type { NormalizedAnalyzeRequest, SourceFile } from './protocol.ts';

/**
 * sha256 over everything that decides a result: files (in order: it is the compiler's order),
 * the exact toolchain, mode, flags and env (keys sorted, so `{a,b}` and `{b,a}` agree).
 */
export function cacheKey(
  req: NormalizedAnalyzeRequest,
  files: readonly SourceFile[],
  toolchain: string,
): string {
  const env = Object.fromEntries(Object.entries(req.env).sort(([a], [b]) => a.localeCompare(b)));
  const material = JSON.stringify({
    v: 1,
    toolchain,
    mode: req.mode,
    escapeDetail: req.escapeDetail,
    inline: req.inline,
    env,
    files: files.map((f) => [f.name, f.content]),
    // Only a request that accepts a reused run may be answered with one.
    ...(req.reuse ? { reuse: true } : {}),
  });
  return createHash('sha256').update(material).digest('hex');
}
