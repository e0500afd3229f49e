import { ApiFailure } from '../errors.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A per-client token bucket for writes that are quick but leave something behind (share
 * links, classes): `perMinute` tokens a minute, bursts up to `perMinute`. Without it one client
 * could fill the share store's size cap and shut everyone else out of sharing, or script
 * thousands of classes.
 */
export class ClientRate {
  private readonly perMinute: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly what: string;

  /** `what` names the writes in the 429's message ("share links", "classes"). */
  constructor(perMinute: number, opts: { what?: string; now?: () => number } = {}) {
    if (!(perMinute > 0)) throw new Error(`the per-client rate must be positive, got ${perMinute}`);
    this.perMinute = perMinute;
    this.now = opts.now ?? Date.now;
    this.what = opts.what ?? 'share links';
  }

  /** Spends one token of `key` or throws 429 `client_busy` with the wait until the next. */
  take(key: string): void {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    const tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * perMs);
    if (tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      throw new ApiFailure(
        429,
        {
          code: 'client_busy',
          message: `too many ${this.what} from you (at most ${this.perMinute} a minute); retry in ${retryAfter} s`,
        },
        retryAfter,
      );
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.prune(now, perMs);
  }

  /** Full buckets carry no information: drop them so the map tracks only recent writers. */
  private prune(now: number, perMs: number): void {
    if (this.buckets.size < 1024) return;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
