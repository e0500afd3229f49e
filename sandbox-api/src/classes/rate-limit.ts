/**
 * Per-key token buckets: `burst` writes at once, refilled at `perSecond`. A check takes seconds
 * on the real toolchain, so a learner never meets the limit; a script hammering the progress
 * endpoint does. Buckets idle long enough to be full again are forgotten, so memory stays
 * bounded by the number of recently active learners.
 */
export interface RateLimiter {
  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string, now?: number): boolean;
  size(): number;
}

export function createRateLimiter(opts: { burst: number; perSecond: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const fullAfterMs = (opts.burst / opts.perSecond) * 1000;
  let lastSweep = 0;
  return {
    take(key, now = Date.now()) {
      if (now - lastSweep > fullAfterMs) {
        for (const [k, b] of buckets) if (now - b.at >= fullAfterMs) buckets.delete(k);
        lastSweep = now;
      }
      const b = buckets.get(key) ?? { tokens: opts.burst, at: now };
      b.tokens = Math.min(opts.burst, b.tokens + ((now - b.at) / 1000) * opts.perSecond);
      b.at = now;
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    size: () => buckets.size,
  };
}
