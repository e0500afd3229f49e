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
import { API_BASE } from './api-base.ts';

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
  return { ok: false, status: res.status, message: err.success ? err.data.message : fallback };
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
    if (!res.ok) return failure(res, body, `the share store answered HTTP ${res.status}`);
    const parsed = ShareResponseSchema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: 'unexpected answer from the share store' };
  } catch (err) {
    return {
      ok: false,
      message: `the share store is unreachable (${err instanceof Error ? err.message : String(err)})`,
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
        message: `No shared playground has the id “${id}”. It may have been mistyped.`,
      };
    if (res.status === 400)
      return { ok: false, status: 400, message: `“${id}” is not a valid share id.` };
    if (!res.ok) return failure(res, body, `the share store answered HTTP ${res.status}`);
    const parsed = SharedStateResponseSchema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: 'the shared state could not be read' };
  } catch (err) {
    return {
      ok: false,
      message: `the share store is unreachable (${err instanceof Error ? err.message : String(err)})`,
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
