import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { ApiErrorSchema, API_PREFIX, type ApiError } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';

/** The HTTP app over a service, with a throwaway share database. */
export function appFor(service: Service): { app: Hono; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-app-'));
  const app = createApp(service, { shareDbPath: path.join(dir, 'share.sqlite') });
  return { app, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** One POST /analyze with a raw body (string, bytes or a stream of unknown length). */
export async function postAnalyze(
  app: Hono,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  contentType = 'application/json',
): Promise<Response> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    body: body as BodyInit,
    headers: { 'content-type': contentType },
  };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return app.request(`${API_PREFIX}/analyze`, init);
}

/** Asserts nothing, returns the status and the parsed JSON error (throws if it is not one). */
export async function errorOf(res: Response): Promise<{ status: number; error: ApiError }> {
  const text = await res.text();
  const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not a JSON error (${res.status}): ${text.slice(0, 300)}`);
  return { status: res.status, error: parsed.data };
}
