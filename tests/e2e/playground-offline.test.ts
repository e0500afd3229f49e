/**
 * Issue 14: the playground with its API unreachable says so in plain words, keeps its toolchain
 * picker (with the service default), and Share offers the hash link that needs no server instead
 * of an empty short link with a live Copy button.
 */
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

const soon = { timeout: 15_000 };

test('with the API unreachable: a clear message, the picker stays, Share falls back', async () => {
  const opened = await openPage('/play/', {
    beforeGoto: async (page) => {
      await page.route('**/api/**', (route) => route.abort());
    },
  });
  try {
    const { page } = opened;
    await playgroundReady(page);
    const picker = page.getByRole('combobox', { name: 'Toolchain' });
    await expect.poll(() => picker.isVisible(), soon).toBe(true);
    await expect.poll(() => picker.inputValue(), soon).toBe('');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const alert = page.getByRole('region', { name: 'Results' }).getByRole('alert');
    await expect.poll(() => alert.textContent(), soon).toMatch(/unreachable/);
    expect(await alert.textContent()).not.toContain('Failed to fetch');

    await page.getByRole('button', { name: 'Share' }).click();
    const long = page.getByRole('textbox', { name: /Link with everything/ });
    await expect.poll(() => long.inputValue(), soon).toMatch(/\/play\/#\d+\./);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Short link' }).isVisible(), soon)
      .toBe(false);
    // Every Copy button on screen copies something.
    const panel = page.locator('[data-share-panel]');
    const copies = panel.getByRole('button', { name: /^Copy/ }).filter({ visible: true });
    for (const b of await copies.all()) {
      const target = await b.getAttribute('data-copy');
      expect(await page.locator(`#${target}`).inputValue()).not.toBe('');
    }
    await expect.poll(() => panel.textContent(), soon).toMatch(/without a server/);
  } finally {
    await opened.close();
  }
});
