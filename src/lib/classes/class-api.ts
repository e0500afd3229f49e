/**
 * The browser's client for the class API: every response is validated against the wire
 * contract before it is trusted, and every failure comes back as a value, never a throw.
 */
import {
  API_PREFIX,
  ApiErrorSchema,
  ClassCellDetailSchema,
  ClassDashboardSchema,
  ClassInfoSchema,
  CreateClassResponseSchema,
  JoinClassResponseSchema,
  type ClassCellDetail,
  type ClassDashboard,
  type ClassInfo,
  type CreateClassRequest,
  type CreateClassResponse,
  type ErrorCode,
  type JoinClassRequest,
  type JoinClassResponse,
  type ProgressReport,
} from '@go-memory-lab/sandbox-api/protocol';
import type { z } from 'zod';
import { badShapeText, httpStatusText } from '../../i18n/api-error.ts';
import { documentLocale, type Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export interface ClassFailure {
  /** 0 when the server could not be reached at all. */
  status: number;
  code?: ErrorCode;
  /** The service's own phrase with a `code` (rendered by apiErrorText), else words in `locale`. */
  message: string;
}

export type ClassOutcome<T> = { ok: true; value: T } | { ok: false; error: ClassFailure };

export interface ClassApiOptions {
  base?: string;
  fetch?: typeof fetch;
  /** The language of the fallback messages; the page's by default. */
  locale?: Locale;
}

async function call<T>(
  path: string,
  init: RequestInit,
  schema: z.ZodType<T> | undefined,
  opts: ClassApiOptions,
): Promise<ClassOutcome<T | undefined>> {
  const locale = opts.locale ?? documentLocale();
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(`${opts.base ?? ''}${API_PREFIX}/classes${path}`, init);
  } catch {
    return { ok: false, error: { status: 0, message: t(locale, 'class.unreachable') } };
  }
  const statusOnly = { status: res.status, message: httpStatusText(locale, res.status) };
  if (res.status === 204 || res.status === 304) return { ok: true, value: undefined };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, error: statusOnly };
  }
  if (!res.ok) {
    const e = ApiErrorSchema.safeParse(body);
    return {
      ok: false,
      error: e.success
        ? { status: res.status, code: e.data.code, message: e.data.message }
        : statusOnly,
    };
  }
  if (!schema) return { ok: true, value: undefined };
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: { status: res.status, message: badShapeText(locale, parsed.error.issues) },
      };
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

/** A call whose answer must carry a body: 204/304 there is a broken answer, not a value. */
function required<T>(o: ClassOutcome<T | undefined>, opts: ClassApiOptions): ClassOutcome<T> {
  if (!o.ok) return o;
  const locale = opts.locale ?? documentLocale();
  return o.value === undefined
    ? { ok: false, error: { status: 0, message: t(locale, 'http.empty') } }
    : { ok: true, value: o.value };
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

export const classApi = {
  create: async (req: CreateClassRequest, o: ClassApiOptions = {}) =>
    required<CreateClassResponse>(
      await call('', json('POST', req), CreateClassResponseSchema, o),
      o,
    ),
  info: async (id: string, o: ClassApiOptions = {}) =>
    required<ClassInfo>(await call(`/${encodeURIComponent(id)}`, {}, ClassInfoSchema, o), o),
  join: async (id: string, req: JoinClassRequest, o: ClassApiOptions = {}) =>
    required<JoinClassResponse>(
      await call(
        `/${encodeURIComponent(id)}/learners`,
        json('POST', req),
        JoinClassResponseSchema,
        o,
      ),
      o,
    ),
  report: (id: string, req: ProgressReport, o: ClassApiOptions = {}) =>
    call(`/${encodeURIComponent(id)}/progress`, json('POST', req), undefined, o),
  /** Undefined value: unchanged since `etag` (304). */
  dashboard: async (
    id: string,
    key: string,
    etag: string | undefined,
    o: ClassApiOptions = {},
  ): Promise<ClassOutcome<{ data: ClassDashboard; etag: string | undefined } | undefined>> => {
    let tag: string | undefined;
    const wrapped: typeof fetch = async (input, init) => {
      const res = await (o.fetch ?? fetch)(input, init);
      tag = res.headers.get('etag') ?? undefined;
      return res;
    };
    const out = await call(
      `/${encodeURIComponent(id)}/dashboard`,
      { headers: { ...auth(key), ...(etag ? { 'if-none-match': etag } : {}) }, cache: 'no-store' },
      ClassDashboardSchema,
      { ...o, fetch: wrapped },
    );
    if (!out.ok) return out;
    return { ok: true, value: out.value ? { data: out.value, etag: tag } : undefined };
  },
  cell: async (
    id: string,
    key: string,
    learner: string,
    exercise: string,
    o: ClassApiOptions = {},
  ) =>
    required<ClassCellDetail>(
      await call(
        `/${encodeURIComponent(id)}/learners/${encodeURIComponent(learner)}/cells/${encodeURIComponent(exercise)}`,
        { headers: auth(key) },
        ClassCellDetailSchema,
        o,
      ),
      o,
    ),
  end: (id: string, key: string, o: ClassApiOptions = {}) =>
    call(`/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth(key) }, undefined, o),
  /** The live stream (SSE); `since` is the revision the page already shows. */
  eventsUrl: (id: string, key: string, since: number | undefined, base = '') =>
    `${base}${API_PREFIX}/classes/${encodeURIComponent(id)}/events?key=${encodeURIComponent(key)}${since !== undefined ? `&since=${since}` : ''}`,
  csvHref: (id: string, key: string, base = '') =>
    `${base}${API_PREFIX}/classes/${encodeURIComponent(id)}/export.csv?key=${encodeURIComponent(key)}`,
};
