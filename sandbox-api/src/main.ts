import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createService } from './service.ts';
import { StateDirError } from './state-dir.ts';

/**
 * `node sandbox-api/src/main.ts [--port N] [--host H] [--static dist]`: starts the service,
 * warms the default toolchain, then prints the ready line (scripts wait for it).
 */
const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, static: { type: 'string' } },
});
const port = Number(values.port ?? process.env['GML_PORT'] ?? 4321);
const host = values.host ?? process.env['GML_HOST'] ?? '127.0.0.1';
const loopback =
  host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');

// A state dir another user could have prepared is refused with its path and reason, not a trace.
const service = await createService().catch((e: unknown) => {
  if (!(e instanceof StateDirError)) throw e;
  console.error(e.message);
  process.exit(1);
});
if (service.sandboxKind === 'none' && !loopback && process.env['GML_ALLOW_UNSANDBOXED'] !== '1') {
  console.error(
    `refusing to listen on ${host} without a sandbox (bubblewrap missing?): bind to 127.0.0.1, or set GML_ALLOW_UNSANDBOXED=1 to force it`,
  );
  await service.close();
  process.exit(1);
}
// Without cgroups one job can take all memory, pids and CPU from everyone: loopback only.
if (
  service.sandboxKind === 'bubblewrap' &&
  !service.health().sandbox.cgroups &&
  !loopback &&
  process.env['GML_ALLOW_NO_CGROUPS'] !== '1'
) {
  console.error(
    `refusing to listen on ${host} without cgroup limits (no writable cgroup v1 memory/pids/cpu, no delegated v2 subtree; not root?): bind to 127.0.0.1, or set GML_ALLOW_NO_CGROUPS=1 to force it`,
  );
  await service.close();
  process.exit(1);
}
// A toolchain that fails to warm is reported by health (and 503s), not a crash at start.
await service
  .warm()
  .catch((e: unknown) => console.error(`warming failed: ${(e as Error).message}`));
const shareDbPath =
  process.env['GML_SHARE_DB'] ?? path.join(service.config.stateDir, 'share.sqlite');
const resultKeyPath = process.env['GML_RESULT_KEY_FILE'];
const app = createApp(service, {
  shareDbPath,
  // Several instances behind one proxy must share one key, or links made on one are refused.
  ...(resultKeyPath ? { resultKeyPath } : {}),
  ...(values.static !== undefined ? { staticDir: values.static } : {}),
});
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Go Memory Lab ready at http://localhost:${info.port}/`);
});
const stop = (): void => {
  server.close();
  void service.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
