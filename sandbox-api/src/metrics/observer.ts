import type { AnalyzeResponse } from '../protocol.ts';

/** How a job ended, as counted by `/metrics` (`gml_jobs_total{outcome}`). */
export type JobOutcomeLabel = 'ok' | 'user_error' | 'limit' | 'error' | 'lost';

/** Where a request's result came from. */
export type CacheLevel = 'memory' | 'shared' | 'miss';

/** What the service reports as it works; `/metrics` (`metrics/registry.ts`) listens. */
export interface ServiceObserver {
  job(outcome: JobOutcomeLabel, seconds: number): void;
  cache(level: CacheLevel): void;
}

/** A compile error is the user's; a program stopped by a limit is the limit's; else ok. */
export function jobOutcomeLabel(r: Pick<AnalyzeResponse, 'ok' | 'run'>): JobOutcomeLabel {
  if (!r.ok) return 'user_error';
  if (r.run?.killedReason !== undefined || r.run?.timedOut || r.run?.outOfMemory) return 'limit';
  return 'ok';
}
