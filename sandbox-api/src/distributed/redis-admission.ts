/**
 * Per-client fairness across API nodes (distributed mode): a client's requests in flight are
 * counted in Redis, one sorted set per client (`gml:inflight:<hash of the client key>`) whose
 * members are leases scored by their expiry on Redis's own clock. A node renews its leases
 * while their requests run and removes them when they end; a node that crashes stops renewing,
 * and its leases lapse after `leaseMs`, so counts never leak for long. The node's own
 * `ClientAdmission` still counts first (and names clients in health): it refuses without a
 * round trip when this node alone holds the limit.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Admission, ClientAdmission } from '../admission/client-admission.ts';
import { withinMs } from './within-ms.ts';

/** Drops lapsed leases, then adds one unless the set holds the limit: 1, or minus the count. */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZCARD', KEYS[1])
if held >= tonumber(ARGV[2]) then return -held end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/** Moves a live lease's expiry on (XX: a lease already dropped stays dropped). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

export interface RedisAdmissionOptions {
  /** How long a lease lives unless renewed (a crashed node's requests count this long). */
  leaseMs?: number;
  /** Longest a Redis round trip may take before the node admits on its own count alone. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RedisAdmission extends Admission {
  close(): void;
}

export function redisAdmission(
  redis: Redis,
  local: ClientAdmission,
  opts: RedisAdmissionOptions = {},
): RedisAdmission {
  const leaseMs = opts.leaseMs ?? 30_000;
  const timeoutMs = opts.timeoutMs ?? 500;
  /** Lease id → its set, for renewal. */
  const held = new Map<string, string>();
  let warned = false;
  const renew = setInterval(
    () => {
      for (const [id, set] of held) {
        redis.eval(RENEW, 1, set, leaseMs, id).catch(() => undefined);
      }
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  renew.unref();

  return {
    maxInFlight: local.maxInFlight,
    async acquire(key) {
      const releaseLocal = local.acquire(key);
      // Hashed: Redis needs a stable name per client, not the address itself.
      const set = `gml:inflight:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
      const id = randomUUID();
      const answer = await withinMs(
        timeoutMs,
        redis.eval(ACQUIRE, 1, set, leaseMs, local.maxInFlight, id) as Promise<number>,
      ).catch(() => undefined);
      if (answer === undefined) {
        // Redis is slow or gone: fairness falls back to this node's own count, never a 5xx.
        if (!warned) opts.log?.("fairness: Redis did not answer; admitting on this node's count");
        warned = true;
        return releaseLocal;
      }
      warned = false;
      if (answer <= 0) {
        releaseLocal();
        throw local.refusal(key, -answer);
      }
      held.set(id, set);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        releaseLocal();
        held.delete(id);
        redis.zrem(set, id).catch(() => undefined);
      };
    },
    snapshot: (top) => local.snapshot(top),
    close() {
      clearInterval(renew);
    },
  };
}
