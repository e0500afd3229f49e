/**
 * The steps of a distributed analyze, timed so `npm run bench:api` (scripts/bench-distributed.ts)
 * can say where the time between the API node and the worker goes. Times are
 * `performance.now()` of the process that records them; the bench runs the API node and its
 * worker hosts in one process, so it can also subtract across the two sides.
 */
export type DistributedStep =
  /** API: the shared cache GET that precedes every miss. */
  | 'api.cache-read'
  /** API: counting this node as a waiter and adding the job (one pipelined round trip). */
  | 'api.enqueue'
  /** API: job added → its result arrived (published by the worker, or the completed event). */
  | 'api.wait'
  /** API: BullMQ's completed event arrived (recorded even when the publish answered first). */
  | 'api.completed-event'
  /** API: validating the worker's result. */
  | 'api.result'
  /** Worker: running the job, from its checked data to its result (includes the toolchain). */
  | 'worker.job'
  /** Worker: serialising the result and writing the shared cache SET and the PUBLISH. */
  | 'worker.publish';

export interface Span {
  step: DistributedStep;
  /** The job (the request's cache key). */
  key: string;
  start: number;
  end: number;
  /** `api.wait`: which path answered. */
  via?: 'publish' | 'event';
}

export type SpanSink = (span: Span) => void;
