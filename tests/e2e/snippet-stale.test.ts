/**
 * Issue 14, "never a stale result", on a real chapter snippet: every result shown is labelled
 * with the code and options that produced it, and is visibly out of date (or re-run, for a build
 * mode knob) as soon as what is on screen differs. Each test drives the page like a reader:
 * roles and accessible names, polling assertions, no fixed sleeps.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { GOGC_PRESETS } from '../../src/lib/share/knob-steps.ts';
import { closeBrowser, expectNoConsoleErrors, openPage } from './support/browser.ts';
import {
  captureAnalyzeBodies,
  hydrated,
  replaceLine,
  runAndWait,
  snippetRoot,
} from './support/snippet.ts';

const CHAPTER = '/learn/chapter-2';
/** Build mode, -m=2 by default; x on line 9 moves to the heap. */
const ID = 'return-address';

afterAll(closeBrowser);

/** Polling window: the machine running these may be busy, and the UI reacts, not times out. */
const soon = { timeout: 15_000 };

const root = (page: Page) => snippetRoot(page, ID);
const staleNote = (page: Page, id = ID) =>
  snippetRoot(page, id)
    .getByRole('status')
    .filter({ hasText: /out of date/i });
const text = async (page: Page, slot: string, id = ID) =>
  (await snippetRoot(page, id).locator(`[data-slot="${slot}"]`).textContent()) ?? '';

test('an edit marks the result out of date and the diagram never shows the old lines', async () => {
  const opened = await openPage(CHAPTER);
  try {
    const { page } = opened;
    await hydrated(page, ID);
    await page.waitForSelector(`#${ID} .sn-diagram svg`);
    const heapMarks = root(page).locator('.sn-cm-marks .sn-g-heap');
    const marksBefore = await heapMarks.count();
    expect(marksBefore).toBeGreaterThan(0);
    await replaceLine(page, ID, 'x := 0', '// x is gone');
    await expect.poll(() => staleNote(page).count(), soon).toBe(1);
    await expect.poll(() => root(page).locator('.sn-diagram svg').count(), soon).toBe(0);
    // No gutter mark survives on code it was not computed for.
    await expect.poll(() => heapMarks.count(), soon).toBe(0);
    // Putting the line back brings back the code the result belongs to: it is current again.
    await replaceLine(page, ID, '// x is gone', 'x := 0');
    await expect.poll(() => staleNote(page).count(), soon).toBe(0);
    await expect.poll(() => heapMarks.count(), soon).toBe(marksBefore);
    // The diagram draws once it is near the viewport, as a reader scrolling to it would see.
    await root(page).locator('.sn-diagram').scrollIntoViewIfNeeded();
    await expect.poll(() => root(page).locator('.sn-diagram svg').count(), soon).toBe(1);
    expectNoConsoleErrors(opened);
  } finally {
    await opened.close();
  }
});

test('a knob change in build mode re-runs with the new flags; the diagram intro follows -m', async () => {
  const opened = await openPage(CHAPTER);
  try {
    const { page } = opened;
    const bodies = captureAnalyzeBodies(page);
    await hydrated(page, ID);
    expect(await text(page, 'meta')).toContain("-gcflags='-m=2'");
    await root(page).getByRole('combobox', { name: 'Detail' }).selectOption('1');
    await expect.poll(() => bodies.map((b) => b.escapeDetail), { timeout: 30_000 }).toEqual([1]);
    await expect.poll(() => text(page, 'meta'), { timeout: 60_000 }).toContain("-gcflags='-m'");
    await expect.poll(() => staleNote(page).count(), soon).toBe(0);
    expect(await root(page).locator('.sn-diagram-box').textContent()).not.toContain('-m=2 flow');
  } finally {
    await opened.close();
  }
});

test('a run-mode knob marks the result out of date, and Enter in the field runs', async () => {
  const opened = await openPage('/learn/chapter-4');
  const id = 'gogc-cycles';
  try {
    const { page } = opened;
    const bodies = captureAnalyzeBodies(page);
    await hydrated(page, id);
    const gogc = snippetRoot(page, id).getByRole('combobox', { name: 'GOGC' });
    // The playground's GOGC field too (GogcField.astro): a value plus the presets.
    expect(
      await page
        .locator(`datalist#${await gogc.getAttribute('list')} option`)
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(GOGC_PRESETS);
    await gogc.fill('50');
    await expect.poll(() => staleNote(page, id).count(), soon).toBe(1);
    expect(bodies).toEqual([]);
    await gogc.press('Enter');
    await expect.poll(() => bodies.map((b) => b.env?.['GOGC']), soon).toEqual(['50']);
    expect(await runAndWait(page, id, false)).toMatch(/^Done in/);
    await expect.poll(() => staleNote(page, id).count(), soon).toBe(0);
  } finally {
    await opened.close();
  }
});

test('a compile error takes the old diagram down; a new run does not show old errors as current', async () => {
  let hold: (() => void) | undefined;
  let calls = 0;
  const opened = await openPage(CHAPTER, {
    beforeGoto: async (page) => {
      await page.route('**/api/v1/analyze', async (route: Route) => {
        calls++;
        // The second run is held until the test has looked at the page mid-run.
        if (calls === 2) await new Promise<void>((r) => (hold = r));
        await route.continue();
      });
    },
  });
  try {
    const { page } = opened;
    await hydrated(page, ID);
    await page.waitForSelector(`#${ID} .sn-diagram svg`);
    await replaceLine(page, ID, 'return &x', 'return &y');
    expect(await runAndWait(page, ID)).toMatch(/did not compile/);
    await expect.poll(() => text(page, 'errors'), soon).toMatch(/undefined: y/);
    await expect.poll(() => root(page).locator('.sn-diagram svg').count(), soon).toBe(0);

    await replaceLine(page, ID, 'return &y', 'return &x');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => hold !== undefined, soon).toBe(true);
    // Mid-run: the errors of the previous program are not on screen as if current.
    await expect
      .poll(() => root(page).getByText('undefined: y').filter({ visible: true }).count(), soon)
      .toBe(0);
    hold?.();
    expect(await runAndWait(page, ID, false)).toMatch(/^Done in/);
    await expect.poll(() => text(page, 'errors'), soon).toBe('');
  } finally {
    hold?.();
    await opened.close();
  }
});

test('after a reload, edited code is never shown beside the original code’s recorded result', async () => {
  const opened = await openPage(CHAPTER);
  try {
    const { page } = opened;
    await hydrated(page, ID);
    await replaceLine(page, ID, 'return &x', 'return x');
    await page.reload();
    await hydrated(page, ID);
    await expect(root(page).locator('.cm-content').textContent()).resolves.toContain('return x');
    // The recorded `moved to heap: x` belongs to `return &x`: it must be marked out of date.
    await expect.poll(() => staleNote(page).count(), soon).toBe(1);
    await expect.poll(() => root(page).locator('.sn-diagram svg').count(), soon).toBe(0);
  } finally {
    await opened.close();
  }
});

test('a bad GOGC value gets one clear message, no request and no uncaught exception', async () => {
  const opened = await openPage('/learn/chapter-4');
  const id = 'gogc-cycles';
  try {
    const { page } = opened;
    const bodies = captureAnalyzeBodies(page);
    await hydrated(page, id);
    const el = snippetRoot(page, id);
    const gogc = el.getByRole('combobox', { name: 'GOGC' });
    await gogc.fill('lots');
    await el.getByRole('button', { name: /^Run/ }).click();
    const status = el.locator('[data-slot="status"]');
    await expect.poll(() => status.textContent(), soon).toMatch(/GOGC must be off or a number/);
    const said = (await status.textContent()) ?? '';
    expect(said.split('GOGC must be off').length - 1).toBe(1);
    await expect.poll(() => gogc.getAttribute('aria-invalid'), soon).toBe('true');
    expect(bodies).toEqual([]);
    expectNoConsoleErrors(opened);
  } finally {
    await opened.close();
  }
});
