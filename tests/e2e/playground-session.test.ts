/**
 * The playground remembers the last session: /play/ with no link restores it, links always win
 * over it, "Start fresh" goes back to the default program, and a damaged session is ignored.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import type { PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { defaultState } from '../../src/lib/share/default-state.ts';
import { SESSION_KEY } from '../../src/lib/share/session.ts';
import { encodeState } from '../../src/lib/share/state-codec.ts';
import { closeBrowser, expectNoConsoleErrors, openPage, sharedBrowser } from './support/browser.ts';
import { playgroundReady, stateOf } from './support/playground.ts';

afterAll(closeBrowser);

const ready = playgroundReady;
const sourceOf = (page: Page) =>
  page.locator('[data-playground]').getAttribute('data-state-source');

async function open(context: BrowserContext, path: string) {
  const opened = await openPage(path, { context });
  await ready(opened.page);
  return opened;
}

test('a session is restored at /play/, links win over it, and Start fresh resets it', async () => {
  const context = await (
    await sharedBrowser()
  ).newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const first = await open(context, '/play/');
    expect(await sourceOf(first.page)).toBe('default');
    await expect(first.page.getByText('Your last session is back.').isHidden()).resolves.toBe(true);
    await first.page.selectOption('select[name="mode"]', 'run');
    await first.page.click('.monaco-editor .view-lines');
    await first.page.keyboard.press('Control+End');
    await first.page.keyboard.type('// kept for next time');
    await expect
      .poll(() => first.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY))
      .toContain('kept for next time');
    const mine = await stateOf(first.page);
    expect(mine.a.mode).toBe('run');
    expectNoConsoleErrors(first);
    await first.close();

    const back = await open(context, '/play/');
    expect(await sourceOf(back.page)).toBe('session');
    expect(await stateOf(back.page)).toEqual(mine);
    expect(mine.a.files[0]!.content).toContain('kept for next time');
    await expect
      .poll(() => back.page.getByText('Your last session is back.').isVisible())
      .toBe(true);
    await back.close();

    // A link wins, and merely opening one does not replace the saved session.
    const linked: PlaygroundState = { v: 1, a: { ...defaultState().a, inline: false } };
    // Fake timers from here on (time still flows): the check below can fire every timer due
    // within a second, which covers the 250 ms debounce of a session save, without sleeping.
    await context.clock.install();
    const viaLink = await open(context, `/play/#${encodeState(linked)}`);
    expect(await sourceOf(viaLink.page)).toBe('hash');
    expect(await stateOf(viaLink.page)).toEqual(linked);
    await viaLink.page.clock.runFor(1000);
    await viaLink.close();

    const again = await open(context, '/play/');
    expect(await stateOf(again.page)).toEqual(mine);
    const fresh = again.page.getByRole('button', { name: 'Start fresh' });
    await expect.poll(() => fresh.isVisible()).toBe(true);
    // Monaco's icon font may still be loading: the reload would abort it, which the console
    // check below counts as a failed request (seen once under load average 10).
    await again.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await Promise.all([again.page.waitForEvent('load'), fresh.click()]);
    await ready(again.page);
    expect(await sourceOf(again.page)).toBe('default');
    expect(await stateOf(again.page)).toEqual(defaultState());
    await expect(again.page.getByText('Your last session is back.').isHidden()).resolves.toBe(true);
    expect(await again.page.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).toBeNull();
    expectNoConsoleErrors(again);
    await again.close();
  } finally {
    await context.close();
  }
});

test('a damaged or foreign session is ignored without an error', async () => {
  for (const raw of [
    '{not json',
    JSON.stringify({ v: 9, state: {} }),
    JSON.stringify({ v: 1, savedAt: 1, state: { v: 1, a: { files: 'x' } } }),
  ]) {
    const opened = await openPage('/play/', {
      beforeGoto: async (page) => {
        await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [SESSION_KEY, raw]);
      },
    });
    try {
      await ready(opened.page);
      expect(await sourceOf(opened.page)).toBe('default');
      expect(await stateOf(opened.page)).toEqual(defaultState());
      await expect(opened.page.locator('[data-message]').isHidden()).resolves.toBe(true);
      expectNoConsoleErrors(opened);
    } finally {
      await opened.close();
    }
  }
});
