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
