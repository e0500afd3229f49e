import type { ServiceConfig } from './config.ts';
import { cacheKey } from './cache-key.ts';
import { ApiFailure, badRequest, cancelled, invalidRequest } from './errors.ts';
import { splitTxtar } from './input/txtar.ts';
import { validateFiles } from './input/validate-files.ts';
import type { JobBackend, JobSpec } from './job-backend.ts';
import type { Lru } from './lru.ts';
import type { ServiceObserver } from './metrics/observer.ts';
import type { JobOutcome } from './pipeline/analyze-job.ts';
import {
  AnalyzeRequestSchema,
  type AnalyzeResponse,
  type NormalizedAnalyzeRequest,
} from './protocol.ts';

/**
 * One delivery of a result. `result` is the stored object itself, the same for every hit and
 * every joiner of one job, so the HTTP layer can serialise and sign it once
 * (`cache/response-bodies.ts`); `cached` and `timing` are this delivery's own.
 */
export interface Answer {
  result: JobOutcome['response'];
  cached: boolean;
  timing: AnalyzeResponse['timing'];
}

/** What answering needs from the service. */
export interface AnswerDeps {
  config: ServiceConfig;
  /** Set when the sandbox is unusable: every request answers 503 with it. */
  broken: string | undefined;
  /** Toolchains installed here, by version. */
  known: ReadonlyMap<string, unknown>;
  defaultVersion: string;
  backend: JobBackend;
  cache: Lru<JobOutcome['response']>;
  stats: { hits: number; misses: number };
  observer: ServiceObserver | undefined;
  cores: number;
  runJob: (spec: JobSpec, signal?: AbortSignal) => Promise<JobOutcome>;
}

/**
 * Validates a request and answers it from the cache (this process's LRU, then the backend's
 * shared one) or by a job (the queue de-duplicates identical ones in flight).
 */
export function answerAnalyze(
  d: AnswerDeps,
): (input: NormalizedAnalyzeRequest, opts?: { signal?: AbortSignal }) => Promise<Answer> {
  const { config, backend, cache, stats, observer } = d;
  return async (input, opts = {}) => {
    const t0 = performance.now();
    // In-process callers (scripts, tests) may pass hand-built objects: normalize them here too.
    const parsed = AnalyzeRequestSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const req = parsed.data;
    if (d.broken !== undefined) {
      throw new ApiFailure(503, { code: 'unavailable', message: d.broken }, 60);
    }
    const files = validateFiles(
      req.txtar !== undefined ? splitTxtar(req.txtar) : (req.files ?? []),
      config,
    );
    const version = req.toolchain ?? d.defaultVersion;
    // With worker hosts, a toolchain this node lacks may still be served: the backend decides.
    if (!d.known.has(version) && !backend.remote) {
      throw badRequest(
        'unknown_toolchain',
        `unknown toolchain ${version}; available: ${[...d.known.keys()].join(', ')}`,
      );
    }
    if (req.env.GOMAXPROCS !== undefined && Number(req.env.GOMAXPROCS) > d.cores) {
      throw badRequest('invalid_request', `GOMAXPROCS may be at most ${d.cores} here`);
    }
    const key = cacheKey(req, files, version);
    let hit = cache.get(key);
    if (hit) observer?.cache('memory');
    else {
      hit = await backend.cached?.(key);
      if (hit) {
        observer?.cache('shared');
        cache.set(key, hit);
      }
    }
    if (hit) {
      stats.hits++;
      const totalMs = performance.now() - t0;
      return {
        result: hit,
        cached: true,
        timing: { queueMs: 0, compileMs: 0, linkMs: 0, runMs: 0, totalMs },
      };
    }
    stats.misses++;
    observer?.cache('miss');
    const enqueued = performance.now();
    const spec: JobSpec = { key, req, files, version };
    const outcome = await backend.run(
      spec,
      async (signal) => {
        const queueMs = performance.now() - enqueued;
        if (signal.aborted) throw cancelled();
        const out = await d.runJob(spec, signal);
        out.response.timing.queueMs = queueMs;
        return out;
      },
      opts.signal,
    );
    const clean = outcome.response.ok && !outcome.response.run?.killedReason;
    // Every waiter of one job gets here with the same result: it is stored (and sized) once.
    const keep = outcome.cacheable || (req.reuse && clean);
    if (keep && cache.get(key) !== outcome.response) cache.set(key, outcome.response);
    const timing = { ...outcome.response.timing, totalMs: performance.now() - t0 };
    return { result: outcome.response, cached: false, timing };
  };
}
