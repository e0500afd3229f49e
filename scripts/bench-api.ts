/**
 * `npm run bench:api`: latency of the analyze API against the raw toolchain doing the same
 * work, on this machine, in one run. Starts the service in-process on a loopback port.
 *
 *   node scripts/bench-api.ts [--runs 30] [--clients 20] [--per-client 5]
 */
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../sandbox-api/src/app.ts';
import {
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  type AnalyzeRequest,
} from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';
import { createService } from '../sandbox-api/src/service.ts';
import { benchDistributed } from './bench-distributed.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    clients: { type: 'string', default: '20' },
    'per-client': { type: 'string', default: '5' },
  },
});
const RUNS = Number(values.runs);
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
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
let seq = 0;
/** A fresh comment makes every request a cache miss for the service and for go build alike. */
const variant = (): string => `${SNIPPET}// variant ${process.pid}-${Date.now()}-${++seq}\n`;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const service = await createService({ stateDir: devStateDir(), warmAtStart: true });
const app = createApp(service, {
  shareDbPath: path.join(os.tmpdir(), `gml-bench-${process.pid}.sqlite`),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const url = `http://127.0.0.1:${port}/api/v1/analyze`;

async function post(req: AnalyzeRequest): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(req),
    headers: { 'content-type': 'application/json' },
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return AnalyzeResponseSchema.parse(await res.json()).cached;
}

// The raw toolchain gets the same warm standard library (a hard-linked copy of the master cache).
const toolchain = service.toolchains().default;
const stateTc = path.join(service.config.stateDir, 'toolchains', toolchain);
const raw = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-bench-raw-'));
execFileSync('cp', ['-al', path.join(stateTc, 'cache'), path.join(raw, 'cache')]);
fs.writeFileSync(
  path.join(raw, 'go.mod'),
  `module bench\n\ngo ${toolchain.replace(/^go(\d+\.\d+).*/, '$1')}\n`,
);
const goroot = JSON.parse(fs.readFileSync(path.join(stateTc, 'ready.json'), 'utf8'))
  .goroot as string;
const rawEnv = {
  PATH: `${goroot}/bin:/usr/bin:/bin`,
  HOME: raw,
  GOROOT: goroot,
  GOCACHE: path.join(raw, 'cache'),
  CGO_ENABLED: '0',
  GOTOOLCHAIN: 'local',
  GOFLAGS: '-buildvcs=false',
  GOPROXY: 'off',
  GOENV: 'off',
};
const rawRun = (args: string[]): void => {
  fs.writeFileSync(path.join(raw, 'main.go'), variant());
  const r = spawnSync(`${goroot}/bin/go`, args, { cwd: raw, env: rawEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go ${args.join(' ')}: ${r.stderr}`);
};

const measure = async (label: string, fn: () => Promise<unknown> | unknown): Promise<number[]> => {
  await fn(); // one warm-up round: page cache, JIT
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await time(fn));
  console.log(
    `${label.padEnd(48)} p50 ${fmt(pct(xs, 50)).padStart(9)}  p95 ${fmt(pct(xs, 95)).padStart(9)}`,
  );
  return xs;
};

console.log(
  `\n${toolchain}, ${os.availableParallelism()} cores, sandbox ${service.sandboxKind}, ${RUNS} runs each\n`,
);
const goBuild = await measure('raw go build -gcflags=-m (warm std)', () =>
  rawRun(['build', '-gcflags=-m', '-o', '/dev/null', '.']),
);
const goBuild2 = await measure('raw go build -gcflags=-m=2 (warm std)', () =>
  rawRun(['build', '-gcflags=-m=2', '-o', '/dev/null', '.']),
);
const importcfg = path.join(stateTc, 'importcfg');
const goCompile = await measure('raw go tool compile -m', () =>
  rawRun([
    'tool',
    'compile',
    '-p',
    'main',
    '-complete',
    '-importcfg',
    importcfg,
    '-m',
    '-o',
    path.join(raw, 'x.a'),
    'main.go',
  ]),
);
const miss1 = await measure('API build, cache miss, escapeDetail 1 (-m)', () =>
  post({ files: [{ name: 'main.go', content: variant() }], escapeDetail: 1 }),
);
const miss2 = await measure('API build, cache miss, escapeDetail 2 (-m=2)', () =>
  post({ files: [{ name: 'main.go', content: variant() }], escapeDetail: 2 }),
);
const fixed = { files: [{ name: 'main.go', content: variant() }] };
await post(fixed);
const hits: number[] = [];
for (let i = 0; i < Math.max(RUNS, 200); i++) hits.push(await time(() => post(fixed)));
console.log(
  `${'API build, cache hit (HTTP round trip)'.padEnd(48)} p50 ${fmt(pct(hits, 50)).padStart(9)}  p95 ${fmt(pct(hits, 95)).padStart(9)}`,
);

const latencies: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    for (let i = 0; i < PER_CLIENT; i++) {
      latencies.push(await time(() => post({ files: [{ name: 'main.go', content: variant() }] })));
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const total = CLIENTS * PER_CLIENT;

const r = (a: number[], b: number[]): string => (pct(a, 50) / pct(b, 50)).toFixed(2);
console.log(`\nratios (p50):`);
console.log(`  API miss -m   / raw go build -m     = ${r(miss1, goBuild)}×  (target ≤ 1.5×)`);
console.log(`  API miss -m=2 / raw go build -m=2   = ${r(miss2, goBuild2)}×`);
console.log(`  API miss -m   / raw go tool compile = ${r(miss1, goCompile)}×`);
console.log(`  cache hit p50 = ${fmt(pct(hits, 50))} (target ≤ 5 ms)`);
console.log(
  `\nthroughput, ${CLIENTS} concurrent clients × ${PER_CLIENT} cache-miss builds: ${(total / seconds).toFixed(1)} req/s ` +
    `(latency p50 ${fmt(pct(latencies, 50))}, p95 ${fmt(pct(latencies, 95))}, ${service.config.workers} workers)`,
);

// Same run, same machine: the cache-miss build through Redis and a worker host.
const dist = await benchDistributed({
  runs: RUNS,
  jobs: Math.min(20, CLIENTS * PER_CLIENT),
  request: () => ({ files: [{ name: 'main.go', content: variant() }], escapeDetail: 1 }),
  embedded: (req) => service.analyze(AnalyzeRequestSchema.parse(req)),
  pct,
});
if (dist) {
  console.log(
    `\ndistributed (Redis + in-process worker hosts, 1 job at a time each):` +
      `\n  API build, cache miss, -m, through Redis + 1 worker  p50 ${fmt(dist.missP50)}  p95 ${fmt(dist.missP95)}` +
      `\n  time outside compile/link/run (p50): embedded ${fmt(dist.embeddedOverheadP50)}, Redis ${fmt(dist.redisOverheadP50)}` +
      `\n  overhead of Redis + worker (p50)   = ${fmt(dist.redisOverheadP50 - dist.embeddedOverheadP50)}  (target < 5 ms)` +
      `\n  no-op BullMQ job round trip (p50)  = ${fmt(dist.noopRoundTripP50)}` +
      `\n  throughput 2 workers / 1 worker    = ${(dist.twoWorkersPerSecond / dist.oneWorkerPerSecond).toFixed(2)}×` +
      `  (${dist.oneWorkerPerSecond.toFixed(1)} → ${dist.twoWorkersPerSecond.toFixed(1)} req/s)`,
  );
} else {
  console.log('\ndistributed: skipped (no redis-server on PATH)');
}

server.close();
await service.close();
fs.rmSync(raw, { recursive: true, force: true });
fs.rmSync(path.join(os.tmpdir(), `gml-bench-${process.pid}.sqlite`), { force: true });
