import {
  API_PREFIX,
  AnalyzeResponseSchema,
  ApiErrorSchema,
  type AnalyzeRequest,
  type AnalyzeResponse,
  type ErrorCode,
} from '@go-memory-lab/sandbox-api/protocol';

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

const STATUS_TEXT: Record<number, string> = {
  400: 'The sandbox rejected the request.',
  413: 'The code is too large for the sandbox.',
  429: 'The sandbox is busy.',
  500: 'The sandbox failed unexpectedly.',
  502: 'The sandbox is not answering behind its proxy.',
  503: 'The sandbox is unavailable right now.',
  504: 'The sandbox took too long to answer.',
};

/**
 * POSTs to `/api/v1/analyze` and validates the answer against the wire contract. Never throws
 * except for an aborted signal (AbortError), so callers can tell cancel from failure.
 */
export async function analyze(
  req: AnalyzeRequest,
  opts: AnalyzeOptions = {},
): Promise<AnalyzeOutcome> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${opts.base ?? ''}${API_PREFIX}/analyze`, {
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
    const parsed = AnalyzeResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, result: parsed.data };
    return {
      ok: false,
      error: {
        kind: 'invalid-response',
        status: res.status,
        message: `The sandbox answered with an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
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
        : (STATUS_TEXT[res.status] ?? `The sandbox answered HTTP ${res.status}.`),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    },
  };
}
