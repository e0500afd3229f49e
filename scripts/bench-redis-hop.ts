/**
 * One hop between two processes through redis-server, one way: a publisher process PUBLISHes
 * its own timestamp (performance.timeOrigin + now, one clock for both processes) and this one
 * subscribes. After an idle gap and back to back, small and result-sized. The floor of each of
 * the hops a distributed miss makes (docs/DEPLOY.md "Why the < 5 ms goal is not met here").
 *
 *   node scripts/bench-redis-hop.ts
 */
import { fork } from 'node:child_process';
import { Redis } from 'ioredis';
import { startRedis } from '../sandbox-api/test/support/data-services.ts';

const now = (): number => performance.timeOrigin + performance.now();
const MESSAGES = 30;

if (process.argv[2] === 'publish') {
  const [url = '', size = '0', gapMs = '0'] = process.argv.slice(3);
  const redis = new Redis(url);
  const pad = 'x'.repeat(Number(size));
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < MESSAGES; i++) {
    await new Promise((r) => setTimeout(r, Number(gapMs)));
    void redis.publish('hop', JSON.stringify({ t: now(), pad }));
  }
  await new Promise((r) => setTimeout(r, 200));
  redis.disconnect();
} else {
  const redis = await startRedis();
  for (const [size, gapMs] of [
    [100, 300],
    [17_000, 300],
    [100, 5],
    [17_000, 5],
  ] as const) {
    const sub = new Redis(redis.url);
    const took: number[] = [];
    sub.on('message', (_channel: string, m: string) => {
      took.push(now() - (JSON.parse(m) as { t: number }).t);
    });
    await sub.subscribe('hop');
    const child = fork(import.meta.filename, ['publish', redis.url, String(size), String(gapMs)]);
    await new Promise((r) => child.on('exit', r));
    took.sort((a, b) => a - b);
    const at = (p: number): string => (took[Math.floor(p * (took.length - 1))] ?? NaN).toFixed(2);
    console.log(
      `${String(size).padStart(6)} B after ${String(gapMs).padStart(3)} ms: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms (${took.length} messages)`,
    );
    sub.disconnect();
  }
  await redis.stop();
}
