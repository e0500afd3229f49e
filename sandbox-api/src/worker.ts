import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { distributedSettings } from './distributed/settings.ts';
import { startWorkerHost } from './distributed/worker-host.ts';
import { createMetrics } from './metrics/registry.ts';
import { API_PREFIX } from './protocol.ts';
import { createService } from './service.ts';

/**
 * `npm run worker`: a worker host (role `worker`). It needs `GML_REDIS_URL` and no site
 * build; it warms its toolchains, takes jobs from the shared queue, and prints
 * `worker <id> ready` once it does. With `GML_PORT` it also answers `/api/v1/health` and
 * `/metrics`. SIGTERM: stop taking jobs, finish running ones (bounded), leave.
 */
let redisUrl: string | undefined;
try {
  redisUrl = distributedSettings({ ...process.env, GML_ROLE: 'worker' }).redisUrl;
} catch (e) {
  console.error(`npm run worker: ${(e as Error).message}`);
  process.exit(1);
}
const metrics = createMetrics();
const service = await createService({ warmAtStart: true }, { observer: metrics.observer });
if (service.sandboxKind === 'none' && process.env['GML_ALLOW_UNSANDBOXED'] !== '1') {
  // A worker's whole job is running strangers' code: never without the sandbox.
  console.error('refusing to run jobs without a sandbox; set GML_ALLOW_UNSANDBOXED=1 to force it');
  process.exit(1);
}
for (const t of service.toolchains().toolchains) {
  await service.warm(t.version).catch((e: unknown) => {
    console.error(`warming ${t.version} failed: ${(e as Error).message}`);
  });
}
const host = await startWorkerHost(service, { url: redisUrl!, log: service.config.log });

let server: ReturnType<typeof serve> | undefined;
const port = process.env['GML_PORT'];
if (port !== undefined && port !== '') {
  const app = new Hono();
  metrics.watch(() => ({ ...service.health(), workers: [host.info()] }));
  app.get(`${API_PREFIX}/health`, (c) => c.json({ ...service.health(), workers: [host.info()] }));
  app.get('/metrics', async (c) => {
    const { contentType, text } = await metrics.render();
    return c.body(text, 200, { 'Content-Type': contentType });
  });
  server = serve({
    fetch: app.fetch,
    port: Number(port),
    hostname: process.env['GML_HOST'] ?? '127.0.0.1',
  });
}
console.log(`worker ${host.id} ready (${host.info().toolchains.join(', ')})`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  console.log(`worker ${host.id} stopping: finishing ${host.info().busy} running job(s)`);
  server?.close();
  void host
    .close(Number(process.env['GML_WORKER_GRACE_MS'] ?? 30_000))
    .then(() => service.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
