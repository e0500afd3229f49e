/**
 * The snippet component on a real chapter page, against the real built site and sandbox:
 * recorded annotations on first paint, live runs redrawing marks, panel and diagram, compile
 * errors, an unreachable API, and edits that survive a reload; then chapter 4's GC snippets and a
 * bench snippet run live (GC table and chart, the GOGC knob in the request, allocs/op).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import { closeBrowser, openPage } from './support/browser.ts';
import {
  captureAnalyzeBodies,
  hydrated as hydratedIn,
  replaceLine as replaceLineIn,
  runAndWait as runAndWaitIn,
  snippetRoot,
} from './support/snippet.ts';

const CHAPTER = '/learn/chapter-2';
/** Chapter 2's "returning the address of a local": x on line 9 moves to the heap. */
const ID = 'return-address';
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'snippet');
mkdirSync(SHOTS, { recursive: true });

afterAll(closeBrowser);

const root = (page: Page) => snippetRoot(page, ID);

const hydrated = (page: Page) => hydratedIn(page, ID);
const replaceLine = (page: Page, find: string, text: string) => replaceLineIn(page, ID, find, text);
const runAndWait = (page: Page, start = true) => runAndWaitIn(page, ID, start);

/** Serious and critical axe findings inside the snippet only (the page has its own test). */
async function axeSnippet(page: Page): Promise<string[]> {
  const src = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: src });
  const results = await page.evaluate(async (id) => {
    const axe = (window as unknown as { axe: { run: (ctx: string) => Promise<AxeResults> } }).axe;
    return axe.run(`#${id}`);
  }, ID);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

const heapGutterTitles = (page: Page) =>
  root(page)
    .locator('.sn-cm-marks .sn-g-heap')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));

test('a chapter shows the recorded annotations before any request', async () => {
  let apiCalls = 0;
  let dataLoads = 0;
  const opened = await openPage(CHAPTER, {
    beforeGoto: async (page) => {
      await page.route('**/api/**', (route) => {
        apiCalls++;
        return route.abort();
      });
      // The first load of the snippet's data file fails: the recorded view must not need it.
      await page.route(`**/snippet-data/${ID}.*.json`, (route) =>
        dataLoads++ === 0 ? route.abort() : route.continue(),
      );
    },
  });
  try {
    const { page } = opened;
    const el = root(page);
    // The server-painted view, before (and independent of) the editor and its data file.
    const line9 = el.locator('pre.sn-static .sn-row').nth(8);
    await expect(line9.locator('.sn-g-heap').count()).resolves.toBe(1);
    await expect(line9.locator('.sn-u-heap').textContent()).resolves.toBe('x');
    await expect(el.locator('[data-slot="meta"]').textContent()).resolves.toMatch(
      /Recorded result · go1\.\d+/,
    );
    await expect(el.locator('[data-slot="decisions"]').textContent()).resolves.toContain(
      'moved to heap: x',
    );
    // Collapsed raw output: a link to the recorded text, which the site serves.
    const rawHref = await el.locator('[data-slot="raw"] a').getAttribute('href');
    const raw = await page.request.get(new URL(rawHref ?? '', page.url()).href);
    expect(raw.status()).toBe(200);
    expect(await raw.text()).toContain('moved to heap: x');
    // The editor could not get its data: it says so, the recorded result stays.
    await el.scrollIntoViewIfNeeded();
    await expect
      .poll(() => el.locator('[data-slot="status"]').textContent(), { timeout: 30_000 })
      .toMatch(/could not load this snippet’s code/);
    expect(await el.getAttribute('data-state')).toBe('static');
    await expect(line9.locator('.sn-g-heap').isVisible()).resolves.toBe(true);
    // A touch tries again, and this time the editor comes up with the recorded result.
    await el.locator('pre.sn-static').click();
    await hydrated(page);
    await expect(el.locator('[data-slot="status"]').textContent()).resolves.toBe('');
    await expect(el.locator('[data-slot="raw"] pre').textContent()).resolves.toContain(
      'moved to heap: x',
    );
    expect(await heapGutterTitles(page)).toContainEqual(
      expect.stringContaining('moved to heap: x'),
    );
    // Keyboard users get the explanation too: put the cursor on x with the arrow keys.
    await el.locator('.cm-line', { hasText: 'func newCounter' }).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await expect(el.locator('.sn-tip[aria-live]').textContent()).resolves.toMatch(
      /Moved to heap.*`?x`? lives on the heap/,
    );
    // The diagram draws once it is near the viewport; the retry click left the code in view.
    await el.locator('.sn-diagram').scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${ID} .sn-diagram svg`);
    expect(apiCalls).toBe(0);
    await el.screenshot({ path: join(SHOTS, 'recorded.png') });
  } finally {
    await opened.close();
  }
});

describe('live runs', () => {
  test('an edit that stops x escaping updates gutter, panel and diagram; a node click finds its line', async () => {
    const opened = await openPage(CHAPTER);
    try {
      const { page } = opened;
      await hydrated(page);
      const diagram = root(page).locator('.sn-diagram');
      await page.waitForSelector(`#${ID} .sn-diagram svg`);
      expect(await diagram.getAttribute('data-subject')).toBe('x');
      const before = await diagram.locator('svg').textContent();
      // Clicking the address-of step highlights the return line.
      await diagram.locator('g.node[data-line="10"]').first().click();
      await expect(root(page).locator('.cm-line.sn-cm-flash').textContent()).resolves.toContain(
        'return &x',
      );

      await replaceLine(page, 'return &x', '_ = x; return nil');
      const status = await runAndWait(page);
      expect(status).toMatch(/^Done in \d+ ms/);
      expect(await root(page).getAttribute('data-origin')).toBe('live');
      expect(await heapGutterTitles(page)).not.toContainEqual(
        expect.stringContaining('moved to heap: x'),
      );
      const panel = (await root(page).locator('[data-slot="decisions"]').textContent()) ?? '';
      expect(panel).not.toContain('moved to heap: x');
      expect(panel.length).toBeGreaterThan(0);
      // The diagram redraws only once it is near the viewport.
      await diagram.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        ([id, old]) => {
          const svg = document.querySelector(`#${id} .sn-diagram svg`);
          return svg !== null && svg.textContent !== old;
        },
        [ID, before] as const,
      );
      expect(await diagram.getAttribute('data-subject')).not.toBe('x');
      expect(await axeSnippet(page)).toEqual([]);
      await root(page).screenshot({ path: join(SHOTS, 'after-run.png') });
    } finally {
      await opened.close();
    }
  });

  test('a compile error marks its line', async () => {
    const opened = await openPage(CHAPTER);
    try {
      const { page } = opened;
      await hydrated(page);
      await replaceLine(page, 'return &x', 'return &y');
      const status = await runAndWait(page);
      expect(status).toMatch(/did not compile/);
      // Both errors are marked: y is undefined on line 10, and x is now unused on line 9.
      const errLines = root(page).locator('.cm-line.sn-cm-error-line');
      await expect(errLines.filter({ hasText: 'return &y' }).count()).resolves.toBe(1);
      await expect(errLines.filter({ hasText: 'x := 0' }).count()).resolves.toBe(1);
      await expect(root(page).locator('.sn-cm-marks .sn-g-error').count()).resolves.toBe(2);
      await expect(root(page).locator('[data-slot="errors"]').textContent()).resolves.toMatch(
        /main\.go:10:\d+ undefined: y/,
      );
    } finally {
      await opened.close();
    }
  });
});

test('with the API blocked, Run says it is unreachable and keeps the code', async () => {
  const opened = await openPage(CHAPTER, {
    beforeGoto: async (page) => {
      await page.route('**/api/**', (route) => route.abort());
    },
  });
  try {
    const { page } = opened;
    await hydrated(page);
    await replaceLine(page, 'return &x', 'return &x // mine');
    const status = await runAndWait(page);
    expect(status).toMatch(/unreachable/);
    expect(status).toContain('npm install && npm start');
    await expect(root(page).locator('.cm-content').textContent()).resolves.toContain(
      'return &x // mine',
    );
    await expect(root(page).locator('[data-slot="meta"]').textContent()).resolves.toMatch(
      /Recorded result/,
    );
    await expect(root(page).locator('.sn-run').isEnabled()).resolves.toBe(true);
  } finally {
    await opened.close();
  }
});

test('a busy sandbox (429) is retried once after Retry-After', async () => {
  let calls = 0;
  const opened = await openPage(CHAPTER, {
    beforeGoto: async (page) => {
      await page.route('**/api/v1/analyze', (route) => {
        calls++;
        if (calls > 1) return route.continue();
        return route.fulfill({
          status: 429,
          headers: { 'retry-after': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'queue_full', message: 'too many jobs are waiting' }),
        });
      });
    },
  });
  try {
    const { page } = opened;
    await hydrated(page);
    await root(page).locator('.sn-run').click();
    await page.waitForFunction(
      (id) => document.querySelector(`#${id} [data-slot="status"]`)?.textContent?.includes('busy'),
      ID,
    );
    await expect(root(page).locator('[data-slot="status"]').textContent()).resolves.toBe(
      'The sandbox is busy, retrying in 1 s…',
    );
    await expect(root(page).locator('.sn-run').isDisabled()).resolves.toBe(true);
    const status = await runAndWait(page, false);
    expect(status).toMatch(/^Done in/);
    expect(calls).toBe(2);
  } finally {
    await opened.close();
  }
});

test('edits survive a reload and Reset restores the original', async () => {
  const opened = await openPage(CHAPTER);
  try {
    const { page } = opened;
    await hydrated(page);
    await replaceLine(page, 'return &x', 'return &x // kept across reloads');
    await page.reload();
    await hydrated(page);
    const content = root(page).locator('.cm-content');
    await expect(content.textContent()).resolves.toContain('// kept across reloads');
    await root(page).locator('[data-action="reset"]').click();
    await expect(content.textContent()).resolves.not.toContain('// kept across reloads');
    await page.reload();
    await hydrated(page);
    await expect(content.textContent()).resolves.toContain('return &x');
    await expect(content.textContent()).resolves.not.toContain('// kept across reloads');
  } finally {
    await opened.close();
  }
});

/** Tags the current contents of a result slot, so a test can tell a redraw from the recording. */
async function tagSlot(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate(
    ([sid, slotName]) => {
      const el = document.querySelector(`#${sid} [data-slot="${slotName}"]`);
      for (const child of el?.children ?? []) child.setAttribute('data-stale', '');
    },
    [id, name] as const,
  );
}

describe('runtime snippets run live', () => {
  test('forced-gc draws a fresh GC table and chart with its forced cycles', async () => {
    const opened = await openPage('/learn/chapter-4');
    try {
      const { page } = opened;
      const id = 'forced-gc';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      await tagSlot(page, id, 'gc');
      await snippetRoot(page, id).locator('.sn-run').click();
      expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in \d+ ms/);
      expect(bodies.map((b) => b.mode)).toEqual(['run']);
      const gc = snippetRoot(page, id).locator('[data-slot="gc"]');
      await expect(gc.locator('[data-stale]').count()).resolves.toBe(0);
      const rows = gc.locator('tbody tr');
      const cycles = await rows.count();
      expect(cycles).toBeGreaterThanOrEqual(2);
      // runtime.GC and debug.FreeOSMemory each force one.
      await expect(rows.filter({ hasText: '(forced)' }).count()).resolves.toBeGreaterThanOrEqual(2);
      const chart = gc.locator('svg.sn-gc-chart');
      await expect(chart.getAttribute('aria-label')).resolves.toContain(`${cycles} GC cycles`);
      // One start and one end dot per cycle, one pause bar per cycle.
      await expect(chart.locator('circle').count()).resolves.toBe(2 * cycles);
      await expect(chart.locator('rect.sn-pause').count()).resolves.toBe(cycles);
      await expect(gc.locator('p').first().textContent()).resolves.toMatch(
        new RegExp(`^${cycles} cycles \\([2-9]\\d* forced\\)`),
      );
      await snippetRoot(page, id).screenshot({ path: join(SHOTS, 'forced-gc-live.png') });
    } finally {
      await opened.close();
    }
  });

  test('a GOGC change goes into the request and changes the cycle count', async () => {
    const opened = await openPage('/learn/chapter-4');
    try {
      const { page } = opened;
      const id = 'gogc-cycles';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      const el = snippetRoot(page, id);
      const cyclesAt = async (gogc: string): Promise<number> => {
        await el.locator('input[name="GOGC"]').fill(gogc);
        await el.locator('.sn-run').click();
        expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in/);
        const out = (await el.locator('[data-slot="output"]').textContent()) ?? '';
        const m = new RegExp(`GOGC=${gogc}: (\\d+) GC cycles`).exec(out);
        expect(m, out).not.toBeNull();
        // The table shows the same cycles the program counted.
        await expect(el.locator('[data-slot="gc"] tbody tr').count()).resolves.toBe(Number(m![1]));
        return Number(m![1]);
      };
      const low = await cyclesAt('50');
      const high = await cyclesAt('400');
      expect(bodies.map((b) => b.env?.['GOGC'])).toEqual(['50', '400']);
      expect(bodies[0]!.files).toEqual(bodies[1]!.files);
      expect(high).toBeLessThan(low);
    } finally {
      await opened.close();
    }
  });

  test('a bench snippet shows the benchmark table with allocs/op', async () => {
    const opened = await openPage('/learn/chapter-1');
    try {
      const { page } = opened;
      const id = 'pool-reuse';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      await tagSlot(page, id, 'bench');
      await snippetRoot(page, id).locator('.sn-run').click();
      expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in/);
      expect(bodies.map((b) => b.mode)).toEqual(['bench']);
      const bench = snippetRoot(page, id).locator('[data-slot="bench"]');
      await expect(bench.locator('[data-stale]').count()).resolves.toBe(0);
      const headers = await bench.locator('thead th').allTextContents();
      const allocsCol = headers.indexOf('allocs/op');
      expect(allocsCol).toBeGreaterThan(0);
      const allocs = async (name: string) =>
        (await bench.locator('tbody tr', { hasText: name }).locator('th, td').allTextContents())[
          allocsCol
        ];
      await expect(allocs('BenchmarkFresh')).resolves.toBe('1');
      await expect(allocs('BenchmarkPooled')).resolves.toBe('0');
    } finally {
      await opened.close();
    }
  });
});
