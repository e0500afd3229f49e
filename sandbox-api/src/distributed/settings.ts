import { z } from 'zod';

/**
 * The scale-out switches (docs/DEPLOY.md, "Scaling out"). With none set the service is one
 * process and loads no Redis or Postgres client at all.
 */
const EnvSchema = z.object({
  GML_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'GML_REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  GML_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  GML_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'GML_DATABASE_URL must be a postgres:// URL')
    .optional(),
});

export interface DistributedSettings {
  redisUrl: string | undefined;
  role: 'all' | 'api' | 'worker';
  databaseUrl: string | undefined;
}

/** Reads the switches; throws a plain message on a malformed one (checked at start). */
export function distributedSettings(env: NodeJS.ProcessEnv = process.env): DistributedSettings {
  const parsed = EnvSchema.safeParse({
    GML_REDIS_URL: env['GML_REDIS_URL'] || undefined,
    GML_ROLE: env['GML_ROLE'] || undefined,
    GML_DATABASE_URL: env['GML_DATABASE_URL'] || undefined,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const { GML_REDIS_URL, GML_ROLE, GML_DATABASE_URL } = parsed.data;
  if (GML_ROLE !== 'all' && GML_REDIS_URL === undefined) {
    throw new Error(`GML_ROLE=${GML_ROLE} needs GML_REDIS_URL (the shared queue)`);
  }
  return { redisUrl: GML_REDIS_URL, role: GML_ROLE, databaseUrl: GML_DATABASE_URL };
}

/**
 * One stall setting for every worker and API node: BullMQ misjudges a live worker as stalled
 * (and runs its job twice) when workers on one queue disagree on these. A worker renews its
 * lock every lockDuration/2; a SIGKILLed worker's job is back in the queue after at most
 * lockDuration + stalledInterval, and is retried once (maxStalledCount) before failing.
 */
export const STALL = { lockDuration: 6_000, stalledInterval: 2_000, maxStalledCount: 1 } as const;

/** A worker is live while its heartbeat (every HEARTBEAT_MS) is younger than WORKER_TTL_MS. */
export const HEARTBEAT_MS = 1_000;
export const WORKER_TTL_MS = 3_500;

/** Shared result cache entries expire after a day (the first level is the in-process LRU). */
export const RESULT_TTL_SECONDS = 24 * 60 * 60;

/**
 * How many entries each queue's event stream keeps (approximately: Redis trims whole stream
 * nodes). A `completed` event carries the job's whole result (about 17 KB for the bench's
 * sample), so BullMQ's default of 10,000 would hold about 170 MB per toolchain queue. API nodes
 * read the stream only as the fallback behind the worker's publish, and read it as it comes, so
 * a thousand events of history is plenty.
 */
export const EVENTS_MAX_LEN = 1_000;

/** BullMQ queue per toolchain: a worker consumes only the queues of toolchains it has. */
export const queueName = (version: string): string => `gml-jobs-${version}`;
export const KEYS = {
  workers: 'gml:workers',
  worker: (id: string) => `gml:worker:${id}`,
  result: (key: string) => `gml:result:${key}`,
  /** API nodes with a client waiting for the job `key` (single-flight across nodes). */
  waiters: (key: string) => `gml:waiters:${key}`,
  /** Pub/sub channel on which a worker publishes the job `key`'s result as soon as it has it. */
  done: (key: string) => `gml:done:${key}`,
} as const;
