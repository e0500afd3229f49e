import { z } from 'zod';
import {
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  ApiErrorSchema,
  SourceFileSchema,
} from '../protocol.ts';

/**
 * What API nodes and workers pass through Redis, built from the wire contract's schemas and
 * validated at both ends like an HTTP body: a job's data, its result, and a worker's heartbeat.
 */
export const JobDataSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  req: AnalyzeRequestSchema,
  files: z.array(SourceFileSchema),
  version: z.string(),
});
export type JobData = z.infer<typeof JobDataSchema>;

const CachedResponseSchema = AnalyzeResponseSchema.omit({ cached: true });

/**
 * A job's answer. A refusal (503 scratch disk, a toolchain that failed to warm) is an answer,
 * not a thrown error, so BullMQ never retries it: only a worker that died is retried.
 */
export const JobResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: CachedResponseSchema, cacheable: z.boolean() }),
  z.object({
    ok: z.literal(false),
    status: z.number().int(),
    body: ApiErrorSchema,
    retryAfter: z.number().int().optional(),
  }),
]);
export type JobResult = z.infer<typeof JobResultSchema>;

/** The second-level cache holds exactly the first level's entries. */
export const CachedResultSchema = CachedResponseSchema;

export const WorkerInfoSchema = z.object({
  id: z.string(),
  host: z.string(),
  toolchains: z.array(z.string()),
  busy: z.number().int(),
  jobs: z.number().int(),
});
export type WorkerInfo = z.infer<typeof WorkerInfoSchema>;
