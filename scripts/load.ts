/**
 * `npm run load`: a workshop's worth of clients against the service on loopback.
 *
 *   node scripts/load.ts [--clients 50] [--seconds 120] [--distinct 0.4] [--run 0.5]
 *                        [--url http://127.0.0.1:4321] [--json out.json]
 *
 * Without --url it starts `sandbox-api/src/main.ts` as a child on 127.0.0.1 (port 0), so the
 * service's RSS is its own, not the load generator's. Each client loops until the clock runs
 * out: it sends one request, waits for the answer, and sends the next. A share of requests are
 * "distinct" (a unique comment defeats the result cache and single-flight); the rest are one of
 * three workshop snippets everybody runs. On a 429 the client honours Retry-After (capped).
 * Exits 1 on any 5xx, any 429 without Retry-After or before the waiting line is full, or any
 * transport error.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AnalyzeResponseSchema, type AnalyzeRequest } from '@go-memory-lab/sandbox-api/protocol';
import { request } from '../sandbox-api/test/support/listen.ts';
import { startServiceChild } from './service-child.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '120' },
    distinct: { type: 'string', default: '0.4' },
    run: { type: 'string', default: '0.5' },
    url: { type: 'string' },
    json: { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const DISTINCT = Number(values.distinct);
const RUN_SHARE = Number(values.run);
if (![CLIENTS, SECONDS, DISTINCT, RUN_SHARE].every(Number.isFinite) || CLIENTS < 1 || SECONDS < 1)
  throw new Error('--clients and --seconds must be positive numbers');

/** What the article's first chapters run: escape via return, via interface, and a GC loop. */
const SNIPPETS = [
  `package main

type point struct{ x, y int }

func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

func main() {
	p := newPoint(1, 2)
	println(p.x + p.y)
}
`,
  `package main

import "fmt"

func main() {
	s := make([]int, 0, 8)
	for i := range 8 {
		s = append(s, i*i)
	}
	fmt.Println(len(s), s[7])
}
`,
  `package main

import (
	"fmt"
	"runtime"
)

var sink []byte

func main() {
	for i := 0; i < 2000; i++ {
		sink = make([]byte, 32<<10)
	}
	runtime.GC()
	fmt.Println(len(sink))
}
`,
];

interface Sample {
  kind: 'same' | 'distinct';
  mode: 'build' | 'run';
  status: number;
  ms: number;
  cached: boolean;
  retryAfter: string | null;
  /** For a 429: how many requests the service said were waiting. */
  waiting?: number;
}

const samples: Sample[] = [];
const transportErrors: string[] = [];
let seq = 0;

function pick(): { req: AnalyzeRequest; kind: Sample['kind']; mode: Sample['mode'] } {
  const mode = Math.random() < RUN_SHARE ? 'run' : 'build';
  const base = SNIPPETS[Math.floor(Math.random() * SNIPPETS.length)]!;
  const kind = Math.random() < DISTINCT ? 'distinct' : 'same';
  const content = kind === 'distinct' ? `${base}// client variant ${process.pid}-${++seq}\n` : base;
  return { req: { files: [{ name: 'main.go', content }], mode, escapeDetail: 2 }, kind, mode };
}

/**
 * One learner. Each has its own loopback address (127.0.0.10, .11, …), as each learner in a
 * workshop has their own machine: the service's per-client limits count by address.
 */
async function client(url: string, until: number, localAddress: string): Promise<void> {
  while (Date.now() < until) {
    const { req, kind, mode } = pick();
    const t0 = performance.now();
    try {
      const res = await request(url, {
        method: 'POST',
        path: '/api/v1/analyze',
        localAddress,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req),
      });
      const body: unknown = JSON.parse(res.body);
      const ms = performance.now() - t0;
      const cached = res.status === 200 && AnalyzeResponseSchema.parse(body).cached;
      const retryAfter = res.headers['retry-after'] ?? null;
      const sample: Sample = { kind, mode, status: res.status, ms, cached, retryAfter };
      if (res.status === 429) {
        const said = /\((\d+) requests waiting\)/.exec(
          (body as { message?: string }).message ?? '',
        );
        if (said) sample.waiting = Number(said[1]);
      }
      samples.push(sample);
      if (res.status === 429) {
        const wait = Math.min(10, Number(retryAfter ?? 1)) * 1000;
        await new Promise((r) => setTimeout(r, wait));
      }
    } catch (e) {
      transportErrors.push((e as Error).message);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function rssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const ms = (x: number): string => (Number.isNaN(x) ? '-' : `${Math.round(x)} ms`);

const started = values.url === undefined ? await startServiceChild() : undefined;
const url = values.url ?? started!.url;
const pid = started?.child.pid;
const rssStart = rssMiB(pid);
const before = (await (await fetch(`${url}/api/v1/health`)).json()) as {
  queue: { maxWaiting: number };
};
let rssPeak = rssStart ?? 0;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, rssMiB(pid) ?? 0);
}, 1000);

console.log(
  `load: ${CLIENTS} clients for ${SECONDS} s against ${url} (distinct ${DISTINCT}, run ${RUN_SHARE})`,
);
const t0 = Date.now();
const until = t0 + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, (_, i) => client(url, until, `127.0.0.${10 + (i % 240)}`)),
);
const elapsed = (Date.now() - t0) / 1000;
clearInterval(sampler);
const rssEnd = rssMiB(pid);
const health = (await (await fetch(`${url}/api/v1/health`)).json()) as Record<string, unknown>;
started?.child.kill('SIGTERM');

const ok = samples.filter((s) => s.status === 200);
const tooMany = samples.filter((s) => s.status === 429);
const serverErrors = samples.filter((s) => s.status >= 500);
const other = samples.filter((s) => s.status !== 200 && s.status !== 429 && s.status < 500);
const lat = (f: (s: Sample) => boolean) => ok.filter(f).map((s) => s.ms);
const row = (label: string, xs: number[]) =>
  `  ${label.padEnd(26)} n=${String(xs.length).padStart(5)}  p50 ${ms(pct(xs, 50)).padStart(8)}  p95 ${ms(pct(xs, 95)).padStart(8)}  p99 ${ms(pct(xs, 99)).padStart(8)}`;
const report = {
  clients: CLIENTS,
  seconds: elapsed,
  requests: samples.length,
  throughput: samples.length / elapsed,
  okPerSecond: ok.length / elapsed,
  p50: pct(
    lat(() => true),
    50,
  ),
  p95: pct(
    lat(() => true),
    95,
  ),
  p99: pct(
    lat(() => true),
    99,
  ),
  share429: samples.length ? tooMany.length / samples.length : 0,
  missingRetryAfter: tooMany.filter((s) => s.retryAfter === null).length,
  /** 429s sent while the waiting line was not full: each is a bug. */
  early429: tooMany.filter((s) => (s.waiting ?? -1) < before.queue.maxWaiting).length,
  count5xx: serverErrors.length,
  other4xx: other.length,
  transportErrors: transportErrors.length,
  rssStartMiB: rssStart,
  rssEndMiB: rssEnd,
  rssPeakMiB: rssPeak,
  health,
};

console.log(
  `\n${samples.length} requests in ${elapsed.toFixed(1)} s: ${report.throughput.toFixed(1)} req/s (${report.okPerSecond.toFixed(1)} answered 200/s)`,
);
console.log(
  row(
    'all 200s',
    lat(() => true),
  ),
);
console.log(
  row(
    'served from cache',
    lat((s) => s.cached),
  ),
);
console.log(
  row(
    'build, compiled',
    lat((s) => s.mode === 'build' && !s.cached),
  ),
);
console.log(
  row(
    'run, same snippet',
    lat((s) => s.mode === 'run' && s.kind === 'same'),
  ),
);
console.log(
  row(
    'run, distinct snippet',
    lat((s) => s.mode === 'run' && s.kind === 'distinct'),
  ),
);
console.log(
  `  429: ${tooMany.length} (${(report.share429 * 100).toFixed(2)} %), without Retry-After: ${report.missingRetryAfter}, before the line (${before.queue.maxWaiting}) was full: ${report.early429}`,
);
console.log(
  `  5xx: ${serverErrors.length}   other 4xx: ${other.length}   transport errors: ${transportErrors.length}`,
);
if (pid !== undefined)
  console.log(
    `  service RSS: start ${rssStart?.toFixed(0)} MiB, end ${rssEnd?.toFixed(0)} MiB, peak ${rssPeak.toFixed(0)} MiB`,
  );
console.log(
  `  health at end: ${JSON.stringify({ status: health['status'], queue: health['queue'], cache: health['cache'] })}`,
);
if (transportErrors.length > 0) console.log(`  first transport error: ${transportErrors[0]}`);
if (values.json !== undefined)
  fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);

const failed =
  serverErrors.length > 0 || report.missingRetryAfter > 0 || transportErrors.length > 0;
process.exit(failed ? 1 : 0);
