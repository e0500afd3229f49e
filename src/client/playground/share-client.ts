/** The playground's calls to the share store and the toolchain list. */
import {
  API_PREFIX,
  ApiErrorSchema,
  ShareResponseSchema,
  SharedStateResponseSchema,
  ToolchainsResponseSchema,
  type AnalyzeResponse,
  type PlaygroundState,
  type SharedStateResponse,
  type ToolchainsResponse,
} from '@go-memory-lab/sandbox-api/protocol';
import { API_BASE } from '../../lib/api/api-base.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export type Fetched<T> = { ok: true; value: T } | { ok: false; status?: number; message: string };

async function getJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

function failure(
  res: Response,
  body: unknown,
  fallback: string,
): { ok: false; status: number; message: string } {
  const err = ApiErrorSchema.safeParse(body);
  return {
    ok: false,
    status: res.status,
    message: err.success ? apiErrorText(documentLocale(), err.data) : fallback,
  };
}

/** Stores the state (and the result its author saw) and answers the short path `/s/<id>`. */
export async function createShareLink(
  state: PlaygroundState,
  results: { result?: AnalyzeResponse | undefined; resultB?: AnalyzeResponse | undefined } = {},
): Promise<Fetched<{ id: string; path: string }>> {
  try {
    const res = await fetch(`${API_BASE}${API_PREFIX}/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state, ...results }),
    });
    const body = await getJson(res);
    if (!res.ok)
      return failure(res, body, t(documentLocale(), 'share.storeHttp', { status: res.status }));
    const parsed = ShareResponseSchema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: t(documentLocale(), 'share.storeOdd') };
  } catch (err) {
    return {
      ok: false,
      message: t(documentLocale(), 'share.storeUnreachable', {
        error: err instanceof Error ? err.message : String(err),
      }),
    };
  }
}

export async function fetchSharedState(id: string): Promise<Fetched<SharedStateResponse>> {
  try {
    const res = await fetch(`${API_BASE}${API_PREFIX}/share/${encodeURIComponent(id)}`);
    const body = await getJson(res);
    if (res.status === 404)
      return {
        ok: false,
        status: 404,
        message: t(documentLocale(), 'share.notFound', { id }),
      };
    if (res.status === 400)
      return { ok: false, status: 400, message: t(documentLocale(), 'share.badId', { id }) };
    if (!res.ok)
      return failure(res, body, t(documentLocale(), 'share.storeHttp', { status: res.status }));
    const parsed = SharedStateResponseSchema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: t(documentLocale(), 'share.unreadable') };
  } catch (err) {
    return {
      ok: false,
      message: t(documentLocale(), 'share.storeUnreachable', {
        error: err instanceof Error ? err.message : String(err),
      }),
    };
  }
}

export async function fetchToolchains(): Promise<ToolchainsResponse | undefined> {
  try {
    const res = await fetch(`${API_BASE}${API_PREFIX}/toolchains`);
    if (!res.ok) return undefined;
    const parsed = ToolchainsResponseSchema.safeParse(await getJson(res));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
