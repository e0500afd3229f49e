/**
 * `npm run capture:trace`: real screenshots of `go tool trace` for chapter 4's "Reading pprof and
 * the execution trace". The sandbox cannot open a viewer, so the chapter shows static captures;
 * this script is how they were made, run by hand (never by a test):
 *
 *   1. builds content/trace-capture/main.go with the local toolchain and runs it with
 *      GOMAXPROCS=2, writing an execution trace (runtime/trace);
 *   2. starts `go tool trace -http=127.0.0.1:0` on it;
 *   3. drives Debian's chromium (playwright-core) to the viewer's timeline (/trace?view=proc) and
 *      screenshots the whole run (GC row, heap counter) and one cycle with its longest
 *      `GC mark assist` slice selected;
 *   4. fetches the viewer's MMU curve from its own JSON endpoint (/mmu?mode=plot) and draws it
 *      (scripts/trace-views/mmu-chart.ts) — the viewer's /mmu page needs Google Charts from the
 *      network, so its chart cannot be screenshotted offline;
 *   5. writes the PNGs (and the MMU data as mmu.json) to src/assets/trace-views/ and what they
 *      show (toolchain, load, cycles, the selected assist, MMU figures) to
 *      content/trace-capture/capture.json, which the captions in both languages quote.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/chromium.ts';
import { z } from 'zod';
import { locateGo } from '../sandbox-api/src/toolchain/locate-go.ts';
import { MmuPlotSchema, mmuChartHtml } from './trace-views/mmu-chart.ts';
import { busiestCycle, readModel, selectSlice, zoomTo } from './trace-views/viewer-page.ts';

const PROGRAM = 'content/trace-capture/main.go';
/** TRACE_VIEWS_OUT=/tmp/x writes everything there instead: a trial run that changes no caption. */
const trial = process.env['TRACE_VIEWS_OUT'];
const OUT_DIR = trial ?? 'src/assets/trace-views';
const FACTS = trial ? join(trial, 'capture.json') : 'content/trace-capture/capture.json';
/** The /mmu page's default view: System, with STW, background workers and mark assist ticked. */
const MMU_FLAGS = 'stw|background|assist';

const go = locateGo();
const goEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', CGO_ENABLED: '0' };
const work = mkdtempSync(join(tmpdir(), 'trace-views-'));

function buildAndRun(): { goVersion: string; gcLines: string[]; traceFile: string } {
  writeFileSync(join(work, 'go.mod'), 'module tracecapture\n\ngo 1.26\n');
  copyFileSync(PROGRAM, join(work, 'main.go'));
  execFileSync(go, ['build', '-o', 'trace-capture', '.'], { cwd: work, env: goEnv });
  const goVersion = execFileSync(go, ['env', 'GOVERSION'], { env: goEnv, encoding: 'utf8' }).trim();
  const traceFile = join(work, 'trace.out');
  const run = spawnSyncText(join(work, 'trace-capture'), [traceFile], {
    ...goEnv,
    GOMAXPROCS: '2',
    GODEBUG: 'gctrace=1',
  });
  const gcLines = run.split('\n').filter((l) => l.startsWith('gc '));
  return { goVersion, gcLines, traceFile };
}

/**
 * As root the program runs at raised CPU priority (nice -15): on a shared machine other work would
 * otherwise stretch its pauses and assists by however long the OS keeps its threads waiting, and
 * the capture would show the machine's load rather than the collector.
 */
const NICE = process.getuid?.() === 0 ? -15 : 0;

function spawnSyncText(cmd: string, args: string[], env: NodeJS.ProcessEnv): string {
  // gctrace goes to stderr; execFileSync returns stdout, so merge them.
  return execFileSync('sh', ['-c', `nice -n ${NICE} "$0" "$@" 2>&1`, cmd, ...args], {
    env,
    encoding: 'utf8',
  });
}

/** Starts the viewer on a free port; resolves with its origin once it says it is listening. */
function startViewer(traceFile: string): Promise<{ origin: string; stop: () => void }> {
  // BROWSER=true: the viewer "opens a browser" by running $BROWSER, which here does nothing.
  const child = spawn(go, ['tool', 'trace', '-http=127.0.0.1:0', traceFile], {
    env: { ...goEnv, BROWSER: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let said = '';
    const onData = (b: Buffer) => {
      said += b.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (m?.[1]) resolve({ origin: m[1], stop: () => child.kill('SIGTERM') });
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`go tool trace exited (${code}): ${said}`)));
  });
}

async function main(): Promise<void> {
  const load = loadavg()[0]!.toFixed(1);
  const { goVersion, gcLines, traceFile } = buildAndRun();
  console.log(`${goVersion}: ${gcLines.length} GC cycles, trace ${statSync(traceFile).size} B`);
  const viewer = await startViewer(traceFile);
  const browser = await launchBrowser();
  mkdirSync(OUT_DIR, { recursive: true });
  try {
    const page = await browser.newPage({
      viewport: { width: 1100, height: 780 },
      deviceScaleFactor: 1.5,
    });
    await page.goto(`${viewer.origin}/trace?view=proc`);
    const model = await readModel(page);
    // The banner about the HTML-imports polyfill and the floating mouse-mode palette cover
    // tracks; neither is part of the trace.
    await page.getByRole('button', { name: 'Hide' }).click();
    // (The viewer's polyfill replaces querySelectorAll's NodeList: index it, do not iterate it.)
    await page.evaluate(() => {
      const found = document.getElementsByTagName('tr-ui-b-mouse-mode-selector');
      for (let i = 0; i < found.length; i++) (found[i] as HTMLElement).style.display = 'none';
    });

    await zoomTo(page, model.min, model.max);
    // Crop below the last track: the rest of the pane above the analysis panel is empty.
    const tracksBottom = await page.evaluate(() => {
      const pane = document.getElementsByTagName('tr-ui-timeline-track-view')[0];
      const paneBottom = pane?.getBoundingClientRect().bottom ?? 0;
      const all = document.getElementsByTagName('div');
      let bottom = 0;
      for (let i = 0; i < all.length; i++) {
        const r = all[i]!.getBoundingClientRect();
        if (all[i]!.classList.contains('track') && r.bottom < paneBottom - 1)
          bottom = Math.max(bottom, r.bottom);
      }
      return bottom > 0 ? bottom : paneBottom;
    });
    const clip = { x: 0, y: 0, width: 1100, height: Math.ceil(tracksBottom) + 6 };
    await page.screenshot({ path: join(OUT_DIR, 'gc-overview.png'), clip });

    const cycle = busiestCycle(model);
    const margin = (cycle.to - cycle.from) * 0.04;
    await zoomTo(page, cycle.from - margin, cycle.to + margin);
    await selectSlice(page, 'GC mark assist', cycle.longest.start);
    await page.screenshot({ path: join(OUT_DIR, 'gc-assist.png') });

    const plot = MmuPlotSchema.parse(
      await (await fetch(`${viewer.origin}/mmu?mode=plot&flags=${MMU_FLAGS}`)).json(),
    );
    const worst = async (windowNs: number) => {
      const url = `${viewer.origin}/mmu?mode=details&window=${windowNs}&flags=${MMU_FLAGS}`;
      const rows = z
        .array(z.object({ Time: z.number(), MutatorUtil: z.number() }))
        .parse(await (await fetch(url)).json());
      return { windowMs: windowNs / 1e6, util: rows[0]?.MutatorUtil };
    };
    const chart = await browser.newPage({
      viewport: { width: 900, height: 500 },
      deviceScaleFactor: 1.5,
    });
    await chart.setContent(
      mmuChartHtml(
        plot,
        `${goVersion} · content/trace-capture · GOMAXPROCS=2 · System view: STW + background workers + mark assist`,
        `Drawn by this site from go tool trace's /mmu?mode=plot data (the viewer draws it with Google Charts, which needs the network).`,
      ),
    );
    await chart.locator('#chart').screenshot({ path: join(OUT_DIR, 'mmu.png') });

    const facts = {
      goVersion,
      capturedAt: new Date().toISOString().slice(0, 10),
      loadAverage: Number(load),
      gomaxprocs: 2,
      nice: NICE,
      gcCycles: gcLines.length,
      traceMs: Math.round(model.max - model.min),
      assistCycle: {
        number: model.marks.indexOf(cycle.mark) + 1,
        markMs: round(cycle.mark.duration),
        pauses: cycle.pauses.map((p) => `${p.title}: ${round(p.duration)} ms`),
        assists: cycle.assists.length,
        assistMs: round(cycle.total),
        longestAssistMs: round(cycle.longest.duration),
      },
      mmuPlotMs: [plot.xMin / 1e6, round(plot.xMax / 1e6)],
      /** The longest plotted window in which the program got no CPU at all. */
      mmuZeroUpToMs: round(
        Math.max(0, ...plot.curve.filter(([, u]) => u === 0).map(([ns]) => ns)) / 1e6,
      ),
      mmu: [await worst(1e6), await worst(1e7)].map((w) => ({
        ...w,
        util: w.util === undefined ? null : round(w.util),
      })),
    };
    writeFileSync(join(OUT_DIR, 'mmu.json'), `${JSON.stringify(plot)}\n`);
    writeFileSync(FACTS, `${JSON.stringify(facts, null, 2)}\n`);
    console.log(JSON.stringify(facts, null, 2));
  } finally {
    await browser.close();
    viewer.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

await main();
