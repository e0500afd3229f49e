/**
 * `npm start` with no scale-out variables behaves as before: one process that loads no Redis,
 * BullMQ or Postgres client (so it cannot connect to one), and whose health has no workers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HealthResponseSchema } from '../../src/protocol.ts';
import { freePort } from '../support/data-services.ts';
import { STATE_DIR } from './harness.ts';

it('with no variables set, main.ts loads no Redis or Postgres module and serves as one process', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-embedded-'));
  const out = path.join(dir, 'imports.txt');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GML_STATE_DIR: STATE_DIR,
    GML_SHARE_DB: path.join(dir, 'share.sqlite'),
    GML_IMPORTS_OUT: out,
  };
  for (const name of ['GML_REDIS_URL', 'GML_DATABASE_URL', 'GML_ROLE']) delete env[name];
  const child = spawn(
    process.execPath,
    [
      '--import',
      path.join(import.meta.dirname, '../support/record-imports.ts'),
      path.join(import.meta.dirname, '../../src/main.ts'),
      '--port',
      String(port),
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    await expect.poll(() => log, { timeout: 60_000, interval: 100 }).toContain('ready at');
    const health = HealthResponseSchema.parse(
      await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json(),
    );
    expect(health.queue.backend).toBeUndefined();
    expect(health.workers).toBeUndefined();
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('gml_queue_waiting');
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited, log).toBe(0);
  const loaded = fs.readFileSync(out, 'utf8').split('\n');
  // The recorder works: the HTTP server's own modules are in the list.
  expect(loaded.some((u) => u.includes('/node_modules/hono/'))).toBe(true);
  const forbidden = loaded.filter((u) =>
    /\/node_modules\/(bullmq|ioredis|pg|pg-pool|pg-protocol)\/|redis-backend|worker-host|pg-database|pg-share-store|pg-class-store/.test(
      u,
    ),
  );
  expect(forbidden).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
