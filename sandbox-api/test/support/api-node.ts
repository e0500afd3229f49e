/**
 * An API node (role `api`) in this process, wired to real Redis and Postgres as `npm start`
 * wires it, and the small HTTP helpers the distributed tests drive it with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { wireFromSettings, type Wiring } from '../../src/distributed/wiring.ts';
import { createMetrics } from '../../src/metrics/registry.ts';
import {
  AnalyzeResponseSchema,
  API_PREFIX,
  HealthResponseSchema,
  type AnalyzeRequest,
  type HealthResponse,
} from '../../src/protocol.ts';
import { createService, type Service } from '../../src/service.ts';
import { STATE_DIR } from '../integration/harness.ts';

export interface ApiNode {
  app: Hono;
  service: Service;
  wiring: Wiring;
  dir: string;
}

export async function startApiNode(redisUrl: string, databaseUrl: string): Promise<ApiNode> {
  const metrics = createMetrics();
  const wiring = await wireFromSettings(
    { redisUrl, role: 'api', databaseUrl },
    { maxWaiting: 64, log: () => {} },
    metrics.observer,
  );
  // Every request here comes from one in-process client; per-client fairness has its own test
  // (fairness.test.ts), so this node admits as many at once as its queue takes.
  const service = await createService(
    { stateDir: STATE_DIR, log: () => {}, clientMaxInFlight: 64 },
    { backend: wiring.backend!, observer: metrics.observer },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-api-node-'));
  const app = createApp(service, {
    shareDbPath: path.join(dir, 'share.sqlite'),
    shareStore: wiring.shareStore!,
    classStore: wiring.classStore!,
    metrics,
  });
  return { app, service, wiring, dir };
}

export const post = async (node: ApiNode, req: AnalyzeRequest): Promise<Response> =>
  node.app.request(`${API_PREFIX}/analyze`, {
    method: 'POST',
    body: JSON.stringify(req),
    headers: { 'content-type': 'application/json' },
  });

export async function ok(res: Response): Promise<ReturnType<typeof AnalyzeResponseSchema.parse>> {
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(200);
  return AnalyzeResponseSchema.parse(JSON.parse(text));
}

export async function health(node: ApiNode): Promise<HealthResponse> {
  const res = await node.app.request(`${API_PREFIX}/health`);
  return HealthResponseSchema.parse(await res.json());
}

export const jobsOf = (h: HealthResponse, id: string): number =>
  h.workers?.find((w) => w.id === id)?.jobs ?? -1;
export const totalJobs = (h: HealthResponse): number =>
  (h.workers ?? []).reduce((n, w) => n + w.jobs, 0);

/**
 * Health reflects heartbeats (one a second), so counts lag: wait until two readings a
 * heartbeat apart agree and nothing is busy, and return that reading.
 */
export async function settled(node: ApiNode): Promise<HealthResponse> {
  let last = await health(node);
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1_100));
    const now = await health(node);
    const idle = (now.workers ?? []).every((w) => w.busy === 0);
    if (idle && JSON.stringify(now.workers) === JSON.stringify(last.workers)) return now;
    last = now;
  }
  throw new Error('worker counts never settled');
}

let seq = 0;
/** A run-mode program that sleeps, then prints a nanosecond clock: two runs never agree. */
export const sleeper = (ms: number): AnalyzeRequest => ({
  mode: 'run',
  escapeDetail: 1,
  files: [
    {
      name: 'main.go',
      content: `package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\ttime.Sleep(${ms} * time.Millisecond)\n\tfmt.Println(time.Now().UnixNano())\n}\n\n// ${process.pid}-${Date.now()}-${++seq}\n`,
    },
  ],
});
