/**
 * Issue 14: a snippet states its limits before Run, offers Stop while a program runs (the
 * request is cancelled; the service aborts a job nobody waits for), and brings the result into
 * view when the run ends.
 */
import type { Route } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { hydrated, runAndWait, snippetRoot } from './support/snippet.ts';

afterAll(closeBrowser);

const soon = { timeout: 15_000 };
const ID = 'return-address';

test('the limits are stated before Run, and Stop cancels a running request', async () => {
  let hold: (() => void) | undefined;
  const opened = await openPage('/learn/chapter-2', {
    beforeGoto: async (page) => {
      await page.route('**/api/v1/analyze', async (route: Route) => {
        await new Promise<void>((r) => (hold = r));
        await route.continue().catch(() => undefined);
      });
    },
  });
  try {
    const { page } = opened;
    const el = snippetRoot(page, ID);
    await expect(el.textContent()).resolves.toMatch(/up to 5 s and 256 MiB/);
    await hydrated(page, ID);
    const stop = el.getByRole('button', { name: 'Stop' });
    // Nothing to stop before Run.
    expect(await stop.isVisible()).toBe(false);
    const aborted: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.url().endsWith('/api/v1/analyze')) aborted.push(r.failure()?.errorText ?? '');
    });
    await el.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => hold !== undefined, soon).toBe(true);
    await expect.poll(() => stop.isVisible(), soon).toBe(true);
    await stop.click();
    await expect.poll(() => aborted.length, soon).toBe(1);
    await expect
      .poll(() => el.locator('[data-slot="status"]').textContent(), soon)
      .toMatch(/^Stopped/);
    await expect.poll(() => stop.isVisible(), soon).toBe(false);
    await expect.poll(() => el.getByRole('button', { name: /^Run/ }).isEnabled(), soon).toBe(true);
  } finally {
    hold?.();
    await opened.close();
  }
});

test('after Run on a phone, the status of the run is in view', async () => {
  const opened = await openPage('/learn/chapter-2', { viewport: { width: 375, height: 667 } });
  try {
    const { page } = opened;
    await hydrated(page, ID);
    // Run from the top of the editor, as a reader who just changed the first lines would.
    await snippetRoot(page, ID).locator('.cm-line', { hasText: 'package main' }).click();
    expect(await runAndWait(page, ID)).toMatch(/^Done in/);
    const status = snippetRoot(page, ID).locator('[data-slot="status"]');
    await expect
      .poll(
        () =>
          status.evaluate((s) => {
            const r = s.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          }),
        soon,
      )
      .toBe(true);
  } finally {
    await opened.close();
  }
});
