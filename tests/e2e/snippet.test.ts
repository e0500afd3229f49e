/**
 * The snippet component on a real chapter page, against the real built site and sandbox:
 * recorded annotations on first paint, live runs redrawing marks, panel and diagram, compile
 * errors, an unreachable API, and edits that survive a reload.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import { closeBrowser, openPage } from './support/browser.ts';

const CHAPTER = '/learn/chapter-2';
/** Chapter 2's "returning the address of a local": x on line 9 moves to the heap. */
const ID = 'return-address';
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'snippet');
mkdirSync(SHOTS, { recursive: true });

afterAll(closeBrowser);

const root = (page: Page) => page.locator(`#${ID}`);

async function hydrated(page: Page): Promise<void> {
  await root(page).scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${ID}[data-state="ready"] .cm-editor`);
}

/** Replaces the editor line containing `find` (from its indentation on) with `text`. */
async function replaceLine(page: Page, find: string, text: string): Promise<void> {
  await root(page).locator('.cm-line', { hasText: find }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
}

async function runAndWait(page: Page, start = true): Promise<string> {
  if (start) await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (id) => {
      const el = document.getElementById(id)!;
      const status = el.querySelector('[data-slot="status"]')?.textContent ?? '';
      return (
        !el.hasAttribute('data-running') &&
        status !== '' &&
        !status.startsWith('Compiling') &&
        !status.includes('retrying')
      );
    },
    ID,
    { timeout: 60_000 },
  );
  return (await root(page).locator('[data-slot="status"]').textContent()) ?? '';
}

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
  const opened = await openPage(CHAPTER, {
    beforeGoto: async (page) => {
      await page.route('**/api/**', (route) => {
        apiCalls++;
        return route.abort();
      });
    },
  });
  try {
    const { page } = opened;
    const el = root(page);
    // The server-painted view, before (and independent of) the editor.
    const line9 = el.locator('pre.sn-static .sn-row[data-line="9"]');
    await expect(line9.locator('.sn-g-heap').count()).resolves.toBe(1);
    await expect(line9.locator('.sn-u-heap').textContent()).resolves.toBe('x');
    await expect(el.locator('[data-slot="meta"]').textContent()).resolves.toMatch(
      /Recorded result · go1\.\d+/,
    );
    await expect(el.locator('[data-slot="decisions"]').textContent()).resolves.toContain(
      'moved to heap: x',
    );
    await hydrated(page);
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
