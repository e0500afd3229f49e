/**
 * `npm run bench:classes`: how the class pages behave with a full room, on this machine. Starts
 * the site and the API in-process on a loopback port (classes need no toolchain), fills a class
 * with 300 learners who report checks, then measures:
 *   - the API: join, progress report, dashboard snapshot (full and 304), CSV;
 *   - the dashboard in Chromium: first paint of the 300-row grid, and the update latency — from
 *     a progress report's 204 to the cell changing on screen — over the live stream (SSE) and,
 *     in a second page whose stream is blocked, over the polling fallback (ratio to its period).
 * Needs a built site (`npx astro build`) and Debian's chromium.
 *
 *   node scripts/bench-classes.ts [--learners 300] [--samples 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/chromium.ts';
import { createApp } from '../sandbox-api/src/app.ts';
import { defaultConfig } from '../sandbox-api/src/config.ts';
import {
  CreateClassResponseSchema,
  JoinClassResponseSchema,
} from '@go-memory-lab/sandbox-api/protocol';
import { unavailableService } from '../sandbox-api/src/unavailable-service.ts';
import { POLL_MS } from '../src/client/classes/poll-period.ts';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '300' },
    samples: { type: 'string', default: '20' },
  },
});
const LEARNERS = Number(values.learners);
const SAMPLES = Number(values.samples);
if (2 * SAMPLES > LEARNERS) {
  console.error(
    '--samples is taken twice (stream, then polling) from distinct learners: at most half of --learners',
  );
  process.exit(1);
}
const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
if (!fs.existsSync(path.join(DIST, 'workshop', 'classes', 'dashboard', 'index.html'))) {
  console.error('dist/ has no class pages: run `npx astro build` first');
  process.exit(1);
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const summary = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-bench-classes-'));
const app = createApp(unavailableService(defaultConfig(), 'classes need no toolchain'), {
  staticDir: DIST,
  shareDbPath: path.join(dir, 'share.sqlite'),
  resultKeyPath: path.join(dir, 'result-key'),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const api = `${origin}/api/v1/classes`;
const post = (p: string, body: unknown) =>
  fetch(`${api}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const exercises = fs
  .readdirSync(path.join(ROOT, 'content', 'exercises'))
  .map((d) => /^\d{2}-(.+)$/.exec(d)?.[1])
  .filter((s): s is string => s !== undefined);
const created = CreateClassResponseSchema.parse(
  await (await post('', { name: 'Bench room', exercises, minutes: 120 })).json(),
);
const key = new URL(created.dashboardUrl, origin).searchParams.get('key')!;
const id = created.id;

// --- fill the room: 300 learners, each with checks on the first three exercises
const tokens = Array.from({ length: LEARNERS }, (_, i) => `bench${String(i).padStart(20, '0')}`);
const learnerIds: string[] = [];
const joinMs: number[] = [];
const reportMs: number[] = [];
for (const [i, token] of tokens.entries()) {
  const [res, ms] = await timed(() =>
    post(`/${id}/learners`, { name: `学员 ${i} · learner`, token }),
  );
  joinMs.push(ms);
  learnerIds.push(JoinClassResponseSchema.parse(await res.json()).learnerId);
}
for (const token of tokens) {
  for (const [k, exercise] of exercises.slice(0, 3).entries()) {
    const [res, ms] = await timed(() =>
      post(`/${id}/progress`, {
        token,
        exercise,
        goals: [k < 2, true],
        ...(k < 2 ? {} : { failing: { goal: 0, reason: 'line 9: `m` moved to heap' } }),
        seconds: 60 * (k + 1),
        code: 'package main\n\nfunc main() {}\n'.repeat(10),
      }),
    );
    if (res.status !== 204) throw new Error(`progress answered ${res.status}`);
    reportMs.push(ms);
  }
}

const dash = (etag?: string) =>
  fetch(`${api}/${id}/dashboard?key=${key}`, etag ? { headers: { 'if-none-match': etag } } : {});
const fullMs: number[] = [];
let size = 0;
let etag = '';
for (let i = 0; i < 20; i++) {
  const [res, ms] = await timed(async () => {
    const r = await dash();
    size = (await r.arrayBuffer()).byteLength;
    return r;
  });
  etag = res.headers.get('etag') ?? '';
  fullMs.push(ms);
}
const notModifiedMs: number[] = [];
for (let i = 0; i < 20; i++) notModifiedMs.push((await timed(() => dash(etag)))[1]);
const [csvRes, csvMs] = await timed(() => fetch(`${api}/${id}/export.csv?key=${key}`));
const csvBytes = (await csvRes.arrayBuffer()).byteLength;

// --- the dashboard in Chromium
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const [, firstPaintMs] = await timed(async () => {
  await page.goto(`${origin}${created.dashboardUrl}`);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-slot="rows"] tr').length === n,
    LEARNERS,
    { polling: 'raf', timeout: 60_000 },
  );
});
const cellsDrawn = await page.locator('.cls-cell').count();

const firstRenderMs = Number(
  await page.locator('gml-class-dashboard').getAttribute('data-render-ms'),
);
const target = exercises[2]!;

/**
 * Each sample: one learner (from `first` on) solves their third exercise; the time until that
 * cell says so on screen, and the page's own redraw time for it.
 */
async function latency(
  on: Page,
  first: number,
): Promise<{ latencyMs: number[]; redrawMs: number[] }> {
  const latencyMs: number[] = [];
  const redrawMs: number[] = [];
  for (let i = first; i < first + SAMPLES; i++) {
    const selector = `[data-cell="${learnerIds[i]!}/${target}"][data-state="solved"]`;
    const res = await post(`/${id}/progress`, {
      token: tokens[i],
      exercise: target,
      goals: [true, true],
      seconds: 400,
    });
    if (res.status !== 204) throw new Error(`progress answered ${res.status}`);
    const t0 = performance.now();
    await on.waitForSelector(selector, { timeout: 30_000 });
    latencyMs.push(performance.now() - t0);
    redrawMs.push(Number(await on.locator('gml-class-dashboard').getAttribute('data-render-ms')));
    // Spread samples over the poll cycle instead of locking onto its phase.
    await new Promise((r) => setTimeout(r, Math.random() * POLL_MS));
  }
  return { latencyMs, redrawMs };
}

const transportOf = (on: Page) => on.locator('gml-class-dashboard').getAttribute('data-transport');
if ((await transportOf(page)) !== 'sse') throw new Error('the dashboard did not open its stream');
const live = await latency(page, 0);
await page.close();

// The same page with its stream refused: it must fall back to polling and keep up.
const polled = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await polled.route('**/events?**', (route) => route.abort());
await polled.goto(`${origin}${created.dashboardUrl}`);
await polled.waitForFunction(
  () => document.querySelector('gml-class-dashboard')?.getAttribute('data-transport') === 'poll',
  undefined,
  { timeout: 60_000 },
);
const poll = await latency(polled, SAMPLES);
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(
  `class of ${LEARNERS} learners × ${exercises.length} exercises (${LEARNERS * 3} checked cells)`,
);
console.log(`  join                     ${summary(joinMs)}`);
console.log(`  progress report          ${summary(reportMs)}`);
console.log(`  dashboard snapshot       ${summary(fullMs)}, ${(size / 1024).toFixed(0)} KiB JSON`);
console.log(`  dashboard unchanged 304  ${summary(notModifiedMs)}`);
console.log(
  `  CSV export               ${csvMs.toFixed(1)} ms, ${(csvBytes / 1024).toFixed(0)} KiB`,
);
console.log(
  `  dashboard first paint    ${firstPaintMs.toFixed(0)} ms for ${LEARNERS} rows, ${cellsDrawn} cells`,
);
console.log(
  `  grid render (in page)    first ${firstRenderMs.toFixed(0)} ms; one changed row: ${summary(live.redrawMs)}`,
);
console.log(`  update latency, stream   ${summary(live.latencyMs)}`);
console.log(`  update latency, polling  ${summary(poll.latencyMs)} (stream blocked)`);
console.log(
  `  stream / polling         p50 ${(pct(live.latencyMs, 50) / pct(poll.latencyMs, 50)).toFixed(2)}×; polling / its period p50 ${(pct(poll.latencyMs, 50) / POLL_MS).toFixed(2)}× (poll ${POLL_MS} ms)`,
);
