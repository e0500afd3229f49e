import {
  API_PREFIX,
  AnalyzeResponseSchema,
  ApiErrorSchema,
  FormatResponseSchema,
  type AnalyzeRequest,
  type AnalyzeResponse,
  type ErrorCode,
  type FormatResponse,
} from '@go-memory-lab/sandbox-api/protocol';
import type { z } from 'zod';
import { documentLocale } from '../../i18n/locales.ts';
import { badShapeText, httpStatusText } from '../../i18n/api-error.ts';

export interface AnalyzeFailure {
  /** unreachable: no HTTP answer at all (offline, server down, CORS); http: a non-2xx answer. */
  kind: 'unreachable' | 'http' | 'invalid-response';
  status?: number;
  code?: ErrorCode;
  message: string;
  /** Seconds, from Retry-After on 429/503. */
  retryAfter?: number;
}

export type AnalyzeOutcome =
  { ok: true; result: AnalyzeResponse } | { ok: false; error: AnalyzeFailure };

export interface AnalyzeOptions {
  signal?: AbortSignal;
  /** Origin (and path prefix) of the sandbox API; '' means same origin. */
  base?: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

function retryAfterSeconds(h: string | null): number | undefined {
  if (h === null) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, Math.ceil(secs));
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** invalid_request names the fields at fault (e.g. `env.GOGC: GOGC must be off or …`). */
function withIssues(
  message: string,
  issues?: readonly { path: string; message: string }[],
): string {
  if (!issues?.length) return message;
  return `${message} (${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')})`;
}

/**
 * POSTs to `/api/v1/analyze` and validates the answer against the wire contract. Never throws
 * except for an aborted signal (AbortError), so callers can tell cancel from failure.
 */
export async function analyze(
  req: AnalyzeRequest,
  opts: AnalyzeOptions = {},
): Promise<AnalyzeOutcome> {
  const out = await post('analyze', req, AnalyzeResponseSchema, opts);
  return out.ok ? { ok: true, result: out.value } : out;
}

export type FormatOutcome =
  { ok: true; result: FormatResponse } | { ok: false; error: AnalyzeFailure };

/** gofmt through `/api/v1/format`; same failures and cancel rule as `analyze`. */
export async function format(source: string, opts: AnalyzeOptions = {}): Promise<FormatOutcome> {
  const out = await post('format', { source }, FormatResponseSchema, opts);
  return out.ok ? { ok: true, result: out.value } : out;
}

/** One JSON POST to the API, its answer checked by `schema`, every failure as a value. */
async function post<T>(
  endpoint: 'analyze' | 'format',
  req: unknown,
  schema: z.ZodType<T>,
  opts: AnalyzeOptions,
): Promise<{ ok: true; value: T } | { ok: false; error: AnalyzeFailure }> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${opts.base ?? ''}${API_PREFIX}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    return {
      ok: false,
      error: { kind: 'unreachable', message: err instanceof Error ? err.message : String(err) },
    };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      error: {
        kind: 'invalid-response',
        status: res.status,
        message: badShapeText(documentLocale(), parsed.error.issues),
      },
    };
  }
  const apiError = ApiErrorSchema.safeParse(body);
  const retryAfter = retryAfterSeconds(res.headers.get('retry-after'));
  return {
    ok: false,
    error: {
      kind: 'http',
      status: res.status,
      ...(apiError.success ? { code: apiError.data.code } : {}),
      message: apiError.success
        ? withIssues(apiError.data.message, apiError.data.issues)
        : httpStatusText(documentLocale(), res.status),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    },
  };
}
