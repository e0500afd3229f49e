import { createHmac, randomBytes } from 'node:crypto';
import { ApiFailure } from '../errors.ts';

/** What health shows about fairness: counts, and salted hashes in place of addresses. */
export interface AdmissionSnapshot {
  maxInFlight: number;
  /** Clients with at least one request in flight. */
  active: number;
  busiest: { client: string; inFlight: number }[];
}

/**
 * What app.ts admits analyze requests through: this process's `ClientAdmission`, or in
 * distributed mode one that also counts the client's requests on every API node
 * (`distributed/redis-admission.ts`). `acquire` throws the 429 or returns the release.
 */
export interface Admission {
  readonly maxInFlight: number;
  acquire(key: string): (() => void) | Promise<() => void>;
  snapshot(top?: number): AdmissionSnapshot;
}

/**
 * Per-client fairness in front of whatever runs the jobs (the in-process queue or another
 * backend): each client key may have at most `maxInFlight` requests admitted at once. Beyond
 * that it gets 429 `client_busy` with Retry-After, while other clients' requests still reach
 * the queue — one learner's loop or one scraper cannot fill the workers and the waiting line.
 */
export class ClientAdmission implements Admission {
  readonly maxInFlight: number;
  private readonly inFlight = new Map<string, number>();
  /** Moving average of how long a request holds its place, for Retry-After. */
  private avgHoldSeconds = 1;
  /** Health names clients by a keyed hash: stable within this process, useless outside it. */
  private readonly salt = randomBytes(16);
  /** Clients refused since they last dropped below the limit: logged once per episode. */
  private readonly refusing = new Set<string>();
  private readonly log: ((line: string) => void) | undefined;

  /** `log` hears, once per episode, that a client (by pseudonym, never address) hit its limit. */
  constructor(maxInFlight: number, log?: (line: string) => void) {
    this.log = log;
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
      throw new Error(`the per-client limit must be a positive integer, got ${maxInFlight}`);
    }
    this.maxInFlight = maxInFlight;
  }

  /**
   * Takes a place for `key` or throws the 429. The returned release is idempotent, so it can
   * be called both when the client disconnects and when the request ends.
   */
  acquire(key: string): () => void {
    const held = this.inFlight.get(key) ?? 0;
    if (held >= this.maxInFlight) throw this.refusal(key, held);
    this.inFlight.set(key, held + 1);
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const seconds = (performance.now() - started) / 1000;
      this.avgHoldSeconds = 0.8 * this.avgHoldSeconds + 0.2 * seconds;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left < this.maxInFlight) this.refusing.delete(key);
      // Idle clients leave the map, so it holds only clients with work in flight.
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }

  /** The 429 for `key`, which has `held` requests in flight (here, or on all nodes). */
  refusal(key: string, held: number): ApiFailure {
    if (!this.refusing.has(key)) {
      this.refusing.add(key);
      this.log?.(
        `client ${this.pseudonym(key)} reached its limit of ${this.maxInFlight} requests in flight; refusing more with 429`,
      );
    }
    // Spread over one to two average holds: refused requests that all come back after the
    // same second arrive as one wave, and a flood's waves are what slow everyone else.
    const retryAfter = Math.max(1, Math.ceil(this.avgHoldSeconds * (1 + Math.random())));
    return new ApiFailure(
      429,
      {
        code: 'client_busy',
        message: `you already have ${held} requests running (the limit per client is ${this.maxInFlight}); retry in ${retryAfter} s`,
      },
      retryAfter,
    );
  }

  /** The `top` busiest clients, most requests first. */
  snapshot(top = 5): AdmissionSnapshot {
    const busiest = [...this.inFlight]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, inFlight]) => ({ client: this.pseudonym(key), inFlight }));
    return { maxInFlight: this.maxInFlight, active: this.inFlight.size, busiest };
  }

  /** The name an operator sees for a client in health (and may quote in logs). */
  pseudonym(key: string): string {
    return createHmac('sha256', this.salt).update(key).digest('hex').slice(0, 10);
  }
}
