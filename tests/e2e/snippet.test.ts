/**
 * The snippet component on a real chapter page, against the real built site and sandbox:
 * recorded annotations on first paint, live runs redrawing marks, panel and diagram, compile
 * errors, an unreachable API, a busy sandbox, and edits that survive a reload. Runtime snippets
 * (GC table and chart, the GOGC knob, a benchmark): snippet-runtime.test.ts.
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
  hydrated as hydratedIn,
  replaceLine as replaceLineIn,
  runAndWait as runAndWaitIn,
  runButton,
  snippetRoot,
} from './support/snippet.ts';

const CHAPTER = '/learn/chapter-2';
/** Chapter 2's "returning the address of a local": x on line 9 moves to the heap. */
const ID = 'return-address';
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'snippet');
mkdirSync(SHOTS, { recursive: true });

afterAll(closeBrowser);

const root = (page: Page) => snippetRoot(page, ID);
const RAW_OPEN = 'Open the recorded compiler output as text';

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
    // (Still collapsed: opening it would be a touch, which starts the editor.)
    const rawHref = await el
      .getByRole('link', { name: RAW_OPEN, includeHidden: true })
      .getAttribute('href');
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
    await expect(runButton(root(page)).isEnabled()).resolves.toBe(true);
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
    await runButton(root(page)).click();
    await page.waitForFunction(
      (id) => document.querySelector(`#${id} [data-slot="status"]`)?.textContent?.includes('busy'),
      ID,
    );
    await expect(root(page).locator('[data-slot="status"]').textContent()).resolves.toBe(
      'The sandbox is busy, retrying in 1 s…',
    );
    await expect(runButton(root(page)).isDisabled()).resolves.toBe(true);
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
    await root(page).getByRole('button', { name: 'Reset' }).click();
    await expect(content.textContent()).resolves.not.toContain('// kept across reloads');
    await page.reload();
    await hydrated(page);
    await expect(content.textContent()).resolves.toContain('return &x');
    await expect(content.textContent()).resolves.not.toContain('// kept across reloads');
  } finally {
    await opened.close();
  }
});
