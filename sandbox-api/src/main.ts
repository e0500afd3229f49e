import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { defaultConfig } from './config.ts';
import { distributedSettings } from './distributed/settings.ts';
import { wireFromSettings } from './distributed/wiring.ts';
import { createMetrics } from './metrics/registry.ts';
import { createService } from './service.ts';
import { StateDirError } from './state-dir.ts';

/**
 * `node sandbox-api/src/main.ts [--port N] [--host H] [--static dist]`: starts the service,
 * warms the default toolchain, then prints the ready line (scripts wait for it).
 * `GML_REDIS_URL` / `GML_ROLE` / `GML_DATABASE_URL` scale it out (docs/DEPLOY.md); role
 * `worker` is `worker.ts`.
 */
const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, static: { type: 'string' } },
});
const port = Number(values.port ?? process.env['GML_PORT'] ?? 4321);
const host = values.host ?? process.env['GML_HOST'] ?? '127.0.0.1';
const loopback =
  host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');

let settings;
try {
  settings = distributedSettings();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
if (settings.role === 'worker') {
  await import('./worker.ts');
} else {
  const metrics = createMetrics();
  const wiring = await wireFromSettings(settings, defaultConfig(), metrics.observer);
  // A state dir another user could have prepared is refused with its path and reason, not a trace.
  const service = await createService(
    {},
    { ...(wiring.backend ? { backend: wiring.backend } : {}), observer: metrics.observer },
  ).catch((e: unknown) => {
    if (!(e instanceof StateDirError)) throw e;
    console.error(e.message);
    process.exit(1);
  });
  // An API-only node never runs a job, so it needs no sandbox of its own.
  const runsJobs = settings.role !== 'api';
  const refuse = async (why: string): Promise<never> => {
    console.error(why);
    await service.close();
    process.exit(1);
  };
  if (
    runsJobs &&
    service.sandboxKind === 'none' &&
    !loopback &&
    process.env['GML_ALLOW_UNSANDBOXED'] !== '1'
  ) {
    await refuse(
      `refusing to listen on ${host} without a sandbox (bubblewrap missing?): bind to 127.0.0.1, or set GML_ALLOW_UNSANDBOXED=1 to force it`,
    );
  }
  // Without cgroups one job can take all memory, pids and CPU from everyone: loopback only.
  if (
    runsJobs &&
    service.sandboxKind === 'bubblewrap' &&
    !service.health().sandbox.cgroups &&
    !loopback &&
    process.env['GML_ALLOW_NO_CGROUPS'] !== '1'
  ) {
    await refuse(
      `refusing to listen on ${host} without cgroup limits (no writable cgroup v1 memory/pids/cpu, no delegated v2 subtree; not root?): bind to 127.0.0.1, or set GML_ALLOW_NO_CGROUPS=1 to force it`,
    );
  }
  if (runsJobs) {
    // A toolchain that fails to warm is reported by health (and 503s), not a crash at start.
    await service
      .warm()
      .catch((e: unknown) => console.error(`warming failed: ${(e as Error).message}`));
  }
  await wiring.startWorker?.(service);
  const shareDbPath =
    process.env['GML_SHARE_DB'] ?? path.join(service.config.stateDir, 'share.sqlite');
  const resultKeyPath = process.env['GML_RESULT_KEY_FILE'];
  const shutdown = new AbortController();
  const app = createApp(service, {
    shutdown: shutdown.signal,
    shareDbPath,
    metrics,
    // Several instances behind one proxy must share one key, or links made on one are refused.
    ...(resultKeyPath ? { resultKeyPath } : {}),
    ...(wiring.shareStore ? { shareStore: wiring.shareStore } : {}),
    ...(wiring.classStore ? { classStore: wiring.classStore } : {}),
    ...(wiring.admissionFor ? { admission: wiring.admissionFor } : {}),
    ...(values.static !== undefined ? { staticDir: values.static } : {}),
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Go Memory Lab ready at http://localhost:${info.port}/`);
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Live dashboard streams never finish by themselves: close them (the pages fall back to
    // polling another node), then stop accepting and let requests in flight finish (bounded).
    shutdown.abort();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const bounded = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
    void Promise.race([drained, bounded])
      .then(() => wiring.close())
      .then(() => service.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
