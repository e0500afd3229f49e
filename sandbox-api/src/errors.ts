/**
 * The service's one error policy: every refusal is an ApiFailure built here, and every route
 * turns failures into the wire shape with `failureResponse`. Keeping the zod-issue mapping, the
 * oversized-body answer and the cancelled code in one place stops routes from drifting apart
 * (they once answered an oversized body with 400 on one route and 413 on another).
 */
import type { z } from 'zod';
import type { ApiError, ErrorCode } from './protocol.ts';

/** A request the service refuses (4xx) or cannot serve (5xx), carrying the wire error body. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly body: ApiError;
  /** Seconds a client should wait before retrying (sent as Retry-After with 429/503). */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ApiError, retryAfter?: number) {
    super(body.message);
    this.name = 'ApiFailure';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

/** Shorthand for a 400 with a code and a plain-language message. */
export function badRequest(code: ErrorCode, message: string): ApiFailure {
  return new ApiFailure(400, { code, message });
}

/** 404 `not_found` with what was not found. */
export function notFound(message: string): ApiFailure {
  return new ApiFailure(404, { code: 'not_found', message });
}

/** The body was over `limit` bytes: 413, whichever route refused it. */
export function bodyTooLarge(limit: number): ApiFailure {
  return new ApiFailure(413, {
    code: 'body_too_large',
    message: `request bodies are limited to ${limit} bytes`,
  });
}

/**
 * The client went away before its job ran or finished. Nobody reads the answer, but it must
 * not look like the service failing (`unavailable`) in logs or metrics. 499 is the status
 * proxies use for "client closed request".
 */
export function cancelled(): ApiFailure {
  return new ApiFailure(499, { code: 'cancelled', message: 'the request was cancelled' });
}

/**
 * A body that failed its zod schema. File-name problems and too many files get their own codes
 * so clients can say what to fix; everything else is `invalid_request` with the issues listed.
 */
export function invalidRequest(error: z.ZodError): ApiFailure {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const badName = error.issues.some((i) => i.path.at(-1) === 'name' && i.path.includes('files'));
  const tooMany = error.issues.some((i) => i.path.at(-1) === 'files' && i.code === 'too_big');
  const code: ErrorCode = badName
    ? 'bad_file_name'
    : tooMany
      ? 'too_many_files'
      : 'invalid_request';
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new ApiFailure(400, { code, message, issues });
}

/**
 * Decodes a JSON body strictly: lenient UTF-8 decoding would hand the compiler U+FFFD where the
 * client sent garbage.
 */
export function parseJsonBody(bytes: ArrayBuffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('invalid_json', 'the request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('invalid_json', 'the request body is not valid JSON');
  }
}

/** The JSON answer for a failure; anything that is not an ApiFailure is a logged 500. */
export function failureResponse(e: unknown, headers: Record<string, string> = {}): Response {
  let failure: ApiFailure;
  if (e instanceof ApiFailure) {
    failure = e;
  } else {
    console.error('request failed:', e);
    failure = new ApiFailure(500, {
      code: 'internal',
      message: 'the service failed to run this request',
    });
  }
  const h = new Headers({ 'content-type': 'application/json; charset=UTF-8', ...headers });
  if (failure.retryAfter !== undefined) h.set('Retry-After', String(failure.retryAfter));
  return new Response(JSON.stringify(failure.body), { status: failure.status, headers: h });
}
