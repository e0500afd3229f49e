/**
 * `npm run bench:api`: the analyze API against the raw toolchain doing the same work, on this
 * machine, in one run, as ratios (never as timed tests). Starts the service in-process on a
 * loopback port; every concurrent client has its own loopback address, as learners in a room
 * have their own machines (the service's fair share counts by address).
 *
 *   node scripts/bench-api.ts [--runs 15] [--at-once 50] [--clients 20] [--per-client 5]
 *                             [--skip-distributed]
 */
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../sandbox-api/src/app.ts';
import {
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  type AnalyzeRequest,
  type AnalyzeResponse,
} from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';
import { createService } from '../sandbox-api/src/service.ts';
import { request } from '../sandbox-api/test/support/listen.ts';
import { benchDistributed, distributedReport } from './bench-distributed.ts';
import { rawGo } from './bench-raw-go.ts';
import { sandboxStartTimes } from './bench-sandbox-start.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'at-once': { type: 'string', default: '50' },
    clients: { type: 'string', default: '20' },
    'per-client': { type: 'string', default: '5' },
    'skip-distributed': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const AT_ONCE = Number(values['at-once']);
const CLIENTS = Number(values.clients);
const PER_CLIENT = Number(values['per-client']);
const SNIPPET = fs.readFileSync(
  path.join(import.meta.dirname, '../sandbox-api/test/integration/testdata/sample.go'),
  'utf8',
);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const p50 = (xs: number[]): number => pct(xs, 50);
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
let seq = 0;
/** A fresh comment makes every request a cache miss for the service and for go build alike. */
const variant = (): string => `${SNIPPET}// variant ${process.pid}-${Date.now()}-${++seq}\n`;
/** A program whose code (not only a comment) differs, so nothing downstream of parsing repeats. */
const distinctProgram = (n: number): string =>
  SNIPPET.replace('fmt.Println(len(nums))', `fmt.Println(len(nums) + ${n}) // ${process.pid}`);

const service = await createService({ stateDir: devStateDir(), warmAtStart: true });
const app = createApp(service, {
  shareDbPath: path.join(os.tmpdir(), `gml-bench-${process.pid}.sqlite`),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
// Raw builds between the API rows can idle a pooled connection past node's 5 s default.
(server as http.Server).keepAliveTimeout = 10 * 60_000;
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const origin = `http://127.0.0.1:${port}`;

/** One POST /analyze from `from` (a loopback address), answered to its last byte. */
const send = (req: AnalyzeRequest, from = '127.0.0.1'): ReturnType<typeof request> =>
  request(origin, {
    method: 'POST',
    path: '/api/v1/analyze',
    localAddress: from,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
/** The answer checked as the site's client checks it; throws unless it is a 200. */
function checked(res: Awaited<ReturnType<typeof request>>): AnalyzeResponse {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  return AnalyzeResponseSchema.parse(JSON.parse(res.body));
}
const post = async (req: AnalyzeRequest, from?: string): Promise<AnalyzeResponse> =>
  checked(await send(req, from));
const main = (content: string): AnalyzeRequest['files'] => [{ name: 'main.go', content }];

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
const row = (label: string, xs: number[]): void =>
  console.log(
    `${label.padEnd(52)} p50 ${fmt(p50(xs)).padStart(9)}  p95 ${fmt(pct(xs, 95)).padStart(9)}`,
  );
async function measure(label: string, fn: () => unknown): Promise<number[]> {
  await fn(); // one warm-up round: page cache, JIT
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await time(fn));
  row(label, xs);
  return xs;
}

/**
 * `n` requests sent at once, each from its own address; seconds until the last answer's last
 * byte. Every answer is then checked as the site's client checks it, after the clock stops: as
 * in the cache-hit row, the service's part ends with its last byte (the bench's 50 parses of
 * 17 KB run on the server's own event loop and took 50–75 ms of it).
 */
async function atOnce(n: number, req: (i: number) => AnalyzeRequest): Promise<number> {
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) => send(req(i), `127.0.1.${10 + i}`)),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const res of answers) checked(res);
  return seconds;
}

const toolchain = service.toolchains().default;
const raw = rawGo(service.config.stateDir, toolchain);
console.log(
  `\n${toolchain}, ${os.availableParallelism()} cores, sandbox ${service.sandboxKind}, ` +
    `${service.config.workers} workers, ${RUNS} runs each, load average ${load()}\n`,
);

const goCompile = await measure('raw go tool compile -m (same importcfg)', () =>
  raw.go(
    ['tool', 'compile', '-p', 'main', '-complete', '-importcfg', raw.importcfg, '-m'].concat([
      '-o',
      'x.a',
      'main.go',
    ]),
    variant(),
  ),
);
const miss1 = await measure('API build, cache miss, -m', () =>
  post({ files: main(variant()), escapeDetail: 1 }),
);
const goBuildRun = await measure('raw go build -o prog . && ./prog (warm std)', () =>
  raw.buildAndRun(variant()),
);
const runs: AnalyzeResponse[] = [];
const missRun = await measure('API run, cache miss, -m', async () =>
  runs.push(await post({ files: main(variant()), mode: 'run', escapeDetail: 1 })),
);
const goBuild = await measure('raw go build -gcflags=-m -o /dev/null . (warm std)', () =>
  raw.go(['build', '-gcflags=-m', '-o', '/dev/null', '.'], variant()),
);
const miss2 = await measure('API build, cache miss, -m=2', () =>
  post({ files: main(variant()), escapeDetail: 2 }),
);
const fixed = { files: main(variant()) };
await post(fixed);
// The service's part of a hit ends with its last byte; the client's own parse is shown apart.
const hits: number[] = [];
const hitsParsed: number[] = [];
for (let i = 0; i < Math.max(RUNS, 200); i++) {
  const t0 = performance.now();
  const res = await send(fixed);
  const t1 = performance.now();
  if (!checked(res).cached) throw new Error('the repeated request was not a cache hit');
  hits.push(t1 - t0);
  hitsParsed.push(performance.now() - t0);
}
row('API build, cache hit (HTTP round trip, to the last byte)', hits);
row('  the same, with the client parsing it (JSON + zod)', hitsParsed);
const sandbox = await sandboxStartTimes(service.config, raw, RUNS);
row(`sandbox start (no-op program, ${sandbox.kind})`, sandbox.times);

// Where one cache-miss run spends its time: p50 of each step over the runs above.
const step = (f: (r: AnalyzeResponse) => number | undefined): number =>
  p50(runs.slice(1).map((r) => f(r) ?? NaN));
const total = step((r) => r.timing.totalMs);
const parts = {
  queue: step((r) => r.timing.queueMs),
  compile: step((r) => r.timing.compileMs),
  link: step((r) => r.timing.linkMs),
  run: step((r) => r.timing.runMs),
  parse: step((r) => r.timing.parseMs),
};
console.log(`\none cache-miss run, by step (p50 of ${runs.length - 1} runs, service side):`);
for (const [name, ms] of Object.entries(parts)) console.log(`  ${name.padEnd(8)} ${fmt(ms)}`);
const other = step(
  (r) =>
    r.timing.totalMs -
    r.timing.queueMs -
    r.timing.compileMs -
    r.timing.linkMs -
    r.timing.runMs -
    (r.timing.parseMs ?? 0),
);
console.log(
  `  other    ${fmt(other)}  (workspace, cgroups, queue bookkeeping)\n  total    ${fmt(total)}` +
    `\n  sandbox start, in each launch above: ${fmt(p50(sandbox.times))}` +
    ` (run mode: link and run start theirs while the compiler works)`,
);

const distinctSeconds = await atOnce(AT_ONCE, (i) => ({
  files: main(distinctProgram(++seq + i)),
  mode: 'run',
}));
// The floor for that row: the raw toolchain doing the same number of distinct programs, one
// `go build` + exec per core at a time.
const rawDistinctSeconds = await raw.buildAndRunAll(
  Array.from({ length: AT_ONCE }, (_, i) => distinctProgram(++seq + i)),
  os.availableParallelism(),
);
const identical = { files: main(variant()) };
const identicalSeconds = await atOnce(AT_ONCE, () => identical);

const latencies: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = 0; i < PER_CLIENT; i++) {
      latencies.push(await time(() => post({ files: main(variant()) }, `127.0.2.${10 + c}`)));
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;

const r = (a: number[], b: number[]): string => (p50(a) / p50(b)).toFixed(2);
console.log(`\ngoals (p50 ratios, one run; load average ${load()}):`);
console.log(
  `  API build miss -m / raw go tool compile -m       = ${r(miss1, goCompile)}×  (≤ 1.3×)`,
);
console.log(
  `  API run miss / raw go build -o prog . && ./prog  = ${r(missRun, goBuildRun)}×  (≤ 0.8×)`,
);
console.log(
  `  ${AT_ONCE} distinct run-mode programs at once: all answered in ${distinctSeconds.toFixed(2)} s  (≤ 3 s)` +
    `\n    raw go build + exec of ${AT_ONCE} distinct programs, ${os.availableParallelism()} at a time: ` +
    `${rawDistinctSeconds.toFixed(2)} s; API / raw = ${(distinctSeconds / rawDistinctSeconds).toFixed(2)}×`,
);
console.log(`  cache hit p50 = ${fmt(p50(hits))}  (≤ 2 ms)`);
console.log(
  `  ${AT_ONCE} identical build requests at once (one miss, single-flight): ${identicalSeconds.toFixed(2)} s  (≤ 0.5 s)`,
);
console.log(`\nearlier figures:`);
console.log(`  API miss -m   / raw go build -gcflags=-m   = ${r(miss1, goBuild)}×  (≤ 1.5×)`);
console.log(`  API miss -m=2 / raw go build -gcflags=-m   = ${r(miss2, goBuild)}×`);
console.log(
  `  ${CLIENTS} clients × ${PER_CLIENT} cache-miss builds: ${((CLIENTS * PER_CLIENT) / seconds).toFixed(1)} req/s ` +
    `(latency p50 ${fmt(p50(latencies))}, p95 ${fmt(pct(latencies, 95))})`,
);

// Same run, same machine: the cache-miss build through Redis and a worker host.
const dist = values['skip-distributed']
  ? undefined
  : await benchDistributed({
      runs: RUNS,
      jobs: Math.min(20, CLIENTS * PER_CLIENT),
      request: () => ({ files: main(variant()), escapeDetail: 1 }),
      embedded: (req) => service.analyze(AnalyzeRequestSchema.parse(req)),
      pct,
    });
if (dist) {
  console.log(`\n${distributedReport(dist, fmt)}`);
} else {
  console.log('\ndistributed: skipped (--skip-distributed, or no redis-server on PATH)');
}

server.close();
await service.close();
raw.remove();
fs.rmSync(path.join(os.tmpdir(), `gml-bench-${process.pid}.sqlite`), { force: true });
