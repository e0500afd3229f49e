import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { AnalyzeResponseSchema, API_PREFIX, HealthResponseSchema } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { expectServiceRecovered, startHostileService } from '../support/hostile-service.ts';
import { listen, request, type RawAnswer } from '../support/listen.ts';

// Was a hole (issue 10, finding 3): one address sending one-second programs filled the workers
// and the waiting line, and a second client waited 18.5 s for a trivial build. The figure
// under a flood is measured by `node scripts/fairness.ts`; this test proves the behaviour.
const UID = 10081;
const FLOODER = '127.0.0.2';
const OTHER = '127.0.0.3';
let service: Service;
let server: { url: string; close: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  service = await startHostileService(UID, { clientMaxInFlight: 2 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-fairness-'));
  server = await listen(
    createApp(service, {
      shareDbPath: path.join(dir, 'share.sqlite'),
      resultKeyPath: path.join(dir, 'result-key'),
    }),
  );
});
afterAll(async () => {
  await server.close();
  await expectServiceRecovered(service, UID);
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function analyze(from: string, body: unknown): Promise<RawAnswer> {
  return request(server.url, {
    method: 'POST',
    path: `${API_PREFIX}/analyze`,
    localAddress: from,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A distinct one-second program (a unique comment defeats the cache and single-flight). */
const oneSecond = () => ({
  files: [
    {
      name: 'main.go',
      content: `package main\n\nimport "time"\n\nfunc main() { time.Sleep(time.Second) } // ${process.pid}-${++seq}\n`,
    },
  ],
  mode: 'run',
});

describe('fairness between clients', () => {
  it('one address flooding gets 429 + Retry-After beyond its share, while another is served', async () => {
    const flood: RawAnswer[] = [];
    const transportErrors: string[] = [];
    let stop = false;
    // Twelve loops from one address, each sending the next program as soon as it has an answer
    // (a learner's runaway loop): without fairness they hold every worker and the line. After
    // a refusal a loop pauses 100 ms — far less than Retry-After — so it stays a flood without
    // spinning this test process.
    const loops = Array.from({ length: 12 }, async () => {
      while (!stop) {
        try {
          const r = await analyze(FLOODER, oneSecond());
          flood.push(r);
          if (r.status === 429) await new Promise((res) => setTimeout(res, 100));
        } catch (e) {
          transportErrors.push((e as Error).message);
        }
      }
    });
    // Let the flood take what it can before the other client arrives.
    await expect
      .poll(
        async () => {
          const h = await request(server.url, { path: `${API_PREFIX}/health` });
          return HealthResponseSchema.parse(JSON.parse(h.body)).queue.running;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);

    const t0 = performance.now();
    const other = await analyze(OTHER, {
      files: [{ name: 'main.go', content: `package main\n\nfunc main() {} // ${process.pid}\n` }],
      mode: 'build',
    });
    const otherMs = performance.now() - t0;
    stop = true;
    await Promise.all(loops);

    expect(transportErrors).toEqual([]);
    expect(other.status).toBe(200);
    expect(AnalyzeResponseSchema.parse(JSON.parse(other.body)).ok).toBe(true);
    const refused = flood.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(JSON.parse(r.body)).toMatchObject({ code: 'client_busy' });
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // The flooder was still served within its share, never refused for a full queue.
    expect(flood.some((r) => r.status === 200)).toBe(true);
    expect(flood.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    console.log(
      `fairness: other client's build answered in ${Math.round(otherMs)} ms; flood ${flood.length} answers, ${refused.length} refused`,
    );
  });

  it('health shows the busiest clients by pseudonym, never by address', async () => {
    const slow = analyze(FLOODER, oneSecond());
    await expect
      .poll(
        async () => {
          const h = await request(server.url, { path: `${API_PREFIX}/health` });
          return HealthResponseSchema.parse(JSON.parse(h.body)).clients?.busiest.length ?? 0;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const h = await request(server.url, { path: `${API_PREFIX}/health` });
    expect(h.body).not.toContain(FLOODER);
    const clients = HealthResponseSchema.parse(JSON.parse(h.body)).clients;
    expect(clients).toMatchObject({ maxInFlight: 2, active: 1 });
    expect(clients?.busiest[0]?.client).toMatch(/^[0-9a-f]{10}$/);
    expect((await slow).status).toBe(200);
  });
});
