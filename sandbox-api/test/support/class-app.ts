/**
 * The class API through the real app (`createApp`, as `npm start` mounts it) on a real SQLite
 * file in a temporary directory. Classes never call the toolchain, so the service behind the app
 * is one that refuses jobs. Each test file gets its own app and directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { defaultConfig } from '../../src/config.ts';
import { API_PREFIX, CreateClassResponseSchema } from '../../src/protocol.ts';
import { unavailableService } from '../../src/unavailable-service.ts';

export const BASE = `${API_PREFIX}/classes`;

export function classApp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-classes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // These tests create many classes from one in-process client; the per-client creation rate
  // has its own test, on a real socket.
  const app = createApp(
    unavailableService({ ...defaultConfig(), clientClassesPerMinute: 1000 }, 'no toolchain needed'),
    {
      shareDbPath: path.join(dir, 'share.sqlite'),
      resultKeyPath: path.join(dir, 'result-key'),
    },
  );

  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`${BASE}${p}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });

  let n = 0;
  /** A fresh 128-bit-looking browser token. */
  const token = () => `tok${String(++n).padStart(19, '0')}`;

  async function createClass(exercises = ['return-by-value', 'interface-argument']) {
    const res = await post('', { name: 'Gophers <b>101</b>', exercises, minutes: 120 });
    expect(res.status).toBe(201);
    const body = CreateClassResponseSchema.parse(await res.json());
    const key = new URL(body.dashboardUrl, 'http://x').searchParams.get('key')!;
    return { ...body, key };
  }

  const dashboard = async (id: string, key?: string, headers: Record<string, string> = {}) =>
    app.request(`${BASE}/${id}/dashboard${key !== undefined ? `?key=${key}` : ''}`, { headers });

  return { dir, app, post, token, createClass, dashboard };
}
