/**
 * `node scripts/fairness.ts [--flood 120] [--rounds 5] [--hammer] [--unfair]`: how long a
 * second client waits for a trivial build while one address floods the service with
 * one-second programs.
 *
 * Starts the real service as a child on loopback (state dir from GML_STATE_DIR, as `npm
 * start`). Each round, 127.0.0.2 sends `--flood` distinct one-second programs at once and
 * re-sends each as soon as it is answered, or after Retry-After (capped at 10 s) when refused —
 * with `--hammer`, after only 100 ms. Half a second in, 127.0.0.3 sends one build and the time
 * to its answer is recorded. `--unfair` lifts the per-client limit, to see what the flood did
 * before fairness existed. Prints figures and the ratio to the 5 s goal; asserts nothing.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AnalyzeResponseSchema, API_PREFIX } from '@go-memory-lab/sandbox-api/protocol';
import { request, type RawAnswer } from '../sandbox-api/test/support/listen.ts';
import { startServiceChild } from './service-child.ts';

const { values } = parseArgs({
  options: {
    flood: { type: 'string', default: '120' },
    rounds: { type: 'string', default: '5' },
    hammer: { type: 'boolean', default: false },
    unfair: { type: 'boolean', default: false },
  },
});
const FLOOD = Number(values.flood);
const ROUNDS = Number(values.rounds);
const GOAL_MS = 5_000;

const { url, child } = await startServiceChild(
  values.unfair ? { GML_CLIENT_MAX_IN_FLIGHT: '1000000' } : {},
);

let seq = 0;
const post = (from: string, body: unknown): Promise<RawAnswer> =>
  request(url, {
    method: 'POST',
    path: `${API_PREFIX}/analyze`,
    localAddress: from,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const program = (body: string, mode: 'run' | 'build') => ({
  files: [{ name: 'main.go', content: `package main\n\n${body} // ${process.pid}-${++seq}\n` }],
  mode,
});
const sleeper = () => program('import "time"\n\nfunc main() { time.Sleep(time.Second) }', 'run');

const waits: number[] = [];
let refusedRounds = 0;
const statuses = new Map<number, number>();
for (let round = 1; round <= ROUNDS; round++) {
  let stop = false;
  const flood = Array.from({ length: FLOOD }, async () => {
    while (!stop) {
      const r = await post('127.0.0.2', sleeper()).catch(() => undefined);
      if (r) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r?.status === 429) {
        const wait = values.hammer ? 0.1 : Math.min(10, Number(r.headers['retry-after'] ?? 1));
        await new Promise((res) => setTimeout(res, wait * 1000));
      }
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  const t0 = performance.now();
  const other = await post('127.0.0.3', program('func main() {}', 'build'));
  const ms = performance.now() - t0;
  if (other.status === 200) waits.push(ms);
  else refusedRounds++;
  const timing =
    other.status === 200 ? AnalyzeResponseSchema.parse(JSON.parse(other.body)).timing : undefined;
  console.log(
    `round ${round}: second client's build answered ${other.status} in ${Math.round(ms)} ms` +
      (timing
        ? ` (queue ${Math.round(timing.queueMs)} ms, compile ${Math.round(timing.compileMs)} ms, service total ${Math.round(timing.totalMs)} ms)`
        : ''),
  );
  stop = true;
  await Promise.all(flood);
}
child.kill('SIGTERM');

const sorted = [...waits].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
const worst = sorted.at(-1) ?? NaN;
console.log(
  `\n${values.unfair ? 'WITHOUT' : 'with'} per-client limits, ${FLOOD} one-second programs flooding from one address${values.hammer ? ' (retrying every 100 ms)' : ' (honouring Retry-After)'}, ${os.availableParallelism()} cores:`,
);
console.log(
  `  second client's build answered in ${waits.length} of ${ROUNDS} rounds (refused in ${refusedRounds}): median ${Math.round(median)} ms, worst ${Math.round(worst)} ms`,
);
console.log(`  worst / 5 s goal: ${(worst / GOAL_MS).toFixed(2)}`);
console.log(`  flood answers by status: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
