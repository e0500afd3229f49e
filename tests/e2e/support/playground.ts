/** Helpers for driving /play: wait until it is ready, run, read its state and results. */
import type { Page } from 'playwright-core';

/** Waits until the playground has loaded its state and Monaco (`data-ready` on its root). */
export async function playgroundReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-playground][data-ready="true"]', {
    state: 'attached',
    timeout: 30_000,
  });
}

const RUN_TIMEOUT = 60_000;

/** Runs with the Run button, or with Ctrl+Enter typed inside the editor, and waits for a result. */
export async function runPlayground(
  page: Page,
  how: 'button' | 'keyboard' = 'button',
): Promise<void> {
  if (how === 'keyboard') {
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Enter');
  } else {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
  }
  await page.waitForFunction(
    () => {
      const root = document.querySelector('[data-playground]');
      return (
        root && !root.hasAttribute('data-running') && document.querySelector('.sn-lines, .pg-error')
      );
    },
    null,
    { timeout: RUN_TIMEOUT },
  );
}

/** The page's whole PlaygroundState, as the page exposes it to tests. */
export const stateOf = (page: Page) => page.evaluate(() => window.gmlPlayground!.getState());

/** The decisions panel's text. */
export const decisionsText = (page: Page) =>
  page.getByRole('region', { name: 'Results' }).locator('.sn-lines').innerText();
