/**
 * A worker host in a process of its own for scripts/bench-distributed.ts, as deployed: its
 * synchronous work (sandbox spawns, workspace removal) then no longer holds up the API node's
 * event loop, which an in-process worker host would share. Sends its spans to the parent on
 * the epoch clock (`performance.timeOrigin + now`), since the two processes' `now()` differ.
 *
 *   fork('scripts/bench-distributed-worker.ts', [redisUrl, stateDir]) → 'ready', spans; 'stop'
 */
import { startWorkerHost } from '../sandbox-api/src/distributed/worker-host.ts';
import { createService } from '../sandbox-api/src/service.ts';

const [url, stateDir] = process.argv.slice(2);
if (!url || !stateDir || !process.send) throw new Error('run by bench-distributed.ts (fork)');
const send = process.send.bind(process);
const log = (): void => {};
const service = await createService({ stateDir, warmAtStart: true, log });
await service.warm();
const host = await startWorkerHost(service, {
  url,
  concurrency: 1,
  log,
  onSpan: (s) =>
    send({ ...s, start: performance.timeOrigin + s.start, end: performance.timeOrigin + s.end }),
});
send('ready');
process.on('message', (m) => {
  if (m !== 'stop') return;
  void host
    .close()
    .then(() => service.close())
    .then(() => process.exit(0));
});
