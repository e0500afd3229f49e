/**
 * Issue 14, the same rule in the playground: once the code or an option on screen differs from
 * what produced the result, the result says it is out of date; putting things back clears it.
 */
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

const soon = { timeout: 15_000 };

test('a playground result is marked out of date after an edit or an option change', async () => {
  const opened = await openPage('/play/');
  try {
    const { page } = opened;
    await playgroundReady(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await results.locator('.sn-lines').waitFor({ timeout: 90_000 });
    const stale = results.getByRole('status').filter({ hasText: /out of date/i });
    expect(await stale.count()).toBe(0);

    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// edited\n');
    await expect.poll(() => stale.textContent(), soon).toMatch(/code was edited/);

    await page.getByRole('combobox', { name: 'Escape detail' }).selectOption('1');
    await expect.poll(() => stale.textContent(), soon).toMatch(/-m detail changed/);
  } finally {
    await opened.close();
  }
});
