/**
 * Keyboard-only use: Tab indents inside the code editors, and Escape then Tab always leads out
 * (no keyboard trap), with a visible hint while an editor has focus. The hint follows the
 * editors' own focus classes, which they update a frame later, hence the polling.
 */
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { hydrated } from './support/snippet.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

const activeInside = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement?.closest(sel) !== null, selector);

test('a chapter snippet editor: Tab indents, Escape then Tab moves on, the hint shows meanwhile', async () => {
  const opened = await openPage('/learn/chapter-2');
  try {
    const { page } = opened;
    await hydrated(page, 'return-address');
    const hint = page.locator('#return-address .sn-kbd-hint');
    await expect.poll(() => hint.isVisible()).toBe(false);
    await page.locator('#return-address .cm-line', { hasText: 'func main' }).click();
    await expect.poll(() => hint.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await activeInside(page, '#return-address .cm-editor')).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await activeInside(page, '#return-address .cm-editor')).toBe(false);
    expect(await activeInside(page, '#return-address')).toBe(true);
    await expect.poll(() => hint.isVisible()).toBe(false);
  } finally {
    await opened.close();
  }
});

test('the playground editor: Escape then Tab (or Shift+Tab) leaves Monaco', async () => {
  const opened = await openPage('/play/');
  try {
    const { page } = opened;
    await playgroundReady(page);
    const hint = page.locator('.pg-kbd-hint');
    await expect.poll(() => hint.isVisible()).toBe(false);
    await page.click('.monaco-editor .view-lines');
    await expect.poll(() => hint.isVisible()).toBe(true);
    const before = await page.evaluate(() => window.gmlPlayground!.getState().a.files[0]!.content);
    await page.keyboard.press('Tab');
    expect(await activeInside(page, '[data-editor]')).toBe(true);
    await expect
      .poll(() => page.evaluate(() => window.gmlPlayground!.getState().a.files[0]!.content))
      .not.toBe(before);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await activeInside(page, '[data-editor]')).toBe(false);
    await expect.poll(() => hint.isVisible()).toBe(false);

    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    expect(await activeInside(page, '[data-editor]')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Add a file',
    );
  } finally {
    await opened.close();
  }
});
