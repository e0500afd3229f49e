/**
 * Pieces of scripts/bench-distributed.ts: a worker host in its own process, and the two floors
 * the distributed row is read against (a no-op BullMQ job, a cross-node admission lease).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { ClientAdmission } from '../sandbox-api/src/admission/client-admission.ts';
import { redisAdmission } from '../sandbox-api/src/distributed/redis-admission.ts';
import type { Span } from '../sandbox-api/src/distributed/spans.ts';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';

type Pct = (xs: number[], p: number) => number;

/** A worker host in its own process (bench-distributed-worker.ts); its spans on this clock. */
export async function forkWorker(
  url: string,
  onSpan: (s: Span) => void,
): Promise<{ stop(): Promise<void> }> {
  const child = fork(
    path.join(import.meta.dirname, 'bench-distributed-worker.ts'),
    [url, devStateDir()],
    {
      stdio: 'inherit',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code})`)));
    child.on('message', (m: unknown) => {
      if (m === 'ready') resolve();
      else if (typeof m === 'object' && m !== null) {
        const s = m as Span;
        onSpan({
          ...s,
          start: s.start - performance.timeOrigin,
          end: s.end - performance.timeOrigin,
        });
      }
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null) child.send('stop');
        const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(kill);
      })();
      return stopping;
    },
  };
}

/** The floor of the queue: a no-op BullMQ job's round trip on the same Redis. */
export async function noopRoundTrip(url: string, runs: number, pct: Pct): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('gml-bench-noop', { connection: redis });
  const events = new QueueEvents('gml-bench-noop', { connection: redis });
  const worker = new Worker('gml-bench-noop', () => Promise.resolve(true), { connection: redis });
  await events.waitUntilReady();
  await worker.waitUntilReady();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const job = await queue.add('noop', {}, { removeOnComplete: true });
    await job.waitUntilFinished(events);
    xs.push(performance.now() - t0);
  }
  await worker.close();
  await events.close();
  await queue.close();
  redis.disconnect();
  return pct(xs, 50);
}

/** What cross-node fairness adds to an HTTP request: one lease taken and given back. */
export async function admissionRoundTrip(url: string, runs: number, pct: Pct): Promise<number> {
  // As the service wires it (distributed/wiring.ts): no offline queue, so wait for the connection.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await new Promise((resolve) => redis.once('ready', resolve));
  const admission = redisAdmission(redis, new ClientAdmission(2));
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const release = await admission.acquire(`bench-${i}`);
    release();
    xs.push(performance.now() - t0);
  }
  admission.close();
  redis.disconnect();
  return pct(xs, 50);
}
