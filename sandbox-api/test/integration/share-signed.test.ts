import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import {
  AnalyzeResponseSchema,
  API_PREFIX,
  ShareResponseSchema,
  SharedStateResponseSchema,
  type PlaygroundState,
} from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { startService } from './harness.ts';

// Share links record only results the service produced: the real pipeline end to end, with
// the response parsed exactly as the site's client parses it before sending it back.
let service: Service;
let app: Hono;
let dir: string;

beforeAll(async () => {
  service = await startService();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-share-signed-'));
  app = createApp(service, {
    shareDbPath: path.join(dir, 'share.sqlite'),
    resultKeyPath: path.join(dir, 'result-key'),
  });
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const state: PlaygroundState = {
  v: 1,
  a: {
    files: [
      {
        name: 'main.go',
        content: `package main\n\nfunc leak() *int { x := 42; return &x }\n\nfunc main() { println(*leak()) } // ${process.pid}\n`,
      },
    ],
    mode: 'build',
    escapeDetail: 2,
    inline: false,
    env: {},
  },
};

const json = { 'content-type': 'application/json' };
const share = (body: unknown) =>
  app.request(`${API_PREFIX}/share`, { method: 'POST', headers: json, body: JSON.stringify(body) });

describe('share links with a real result', () => {
  it('a genuine result is accepted and comes back unchanged; a doctored copy is refused', async () => {
    const res = await app.request(`${API_PREFIX}/analyze`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(state.a),
    });
    expect(res.status).toBe(200);
    const result = AnalyzeResponseSchema.parse(await res.json());
    expect(result.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(result.decisions.some((d) => d.kind === 'moved-to-heap' && d.subject === 'x')).toBe(
      true,
    );

    // The sharer adds a decision the compiler never made.
    const forged = {
      ...result,
      decisions: [
        ...result.decisions,
        {
          ...result.decisions[0]!,
          kind: 'moved-to-heap',
          subject: 'y',
          message: 'moved to heap: y',
        },
      ],
    };
    const refused = await share({ state, result: forged });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'unverified_result' });

    const made = await share({ state, result });
    expect(made.status).toBe(201);
    const { id } = ShareResponseSchema.parse(await made.json());
    const back = SharedStateResponseSchema.parse(
      await (await app.request(`${API_PREFIX}/share/${id}`)).json(),
    );
    expect(back.result).toEqual(result);
  });
});
