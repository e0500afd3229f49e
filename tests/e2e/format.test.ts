/**
 * Issue 14, Format: gofmt from the snippet toolbar and with Shift+Alt+F in the playground. The
 * code is formatted by the real service, one undo brings back what the reader typed, and a
 * syntax error leaves the code alone with a message naming its line.
 */
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { hydrated, replaceLine, snippetRoot } from './support/snippet.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

const soon = { timeout: 30_000 };
const ID = 'return-address';

test('Format in a snippet: gofmt’s layout, undo, and a syntax error at its line', async () => {
  const opened = await openPage('/learn/chapter-2');
  try {
    const { page } = opened;
    await hydrated(page, ID);
    const el = snippetRoot(page, ID);
    const code = el.locator('.cm-content');
    const status = el.locator('[data-slot="status"]');
    await replaceLine(page, ID, 'p := newCounter()', 'p:=newCounter( )');
    await el.getByRole('button', { name: 'Format' }).click();
    await expect.poll(() => status.textContent(), soon).toMatch(/Formatted with gofmt/);
    const text = () => code.evaluate((c) => (c as HTMLElement).innerText);
    expect(await text()).toContain('p := newCounter()');
    // One undo: the reader's own spelling is back.
    await el.locator('.cm-line', { hasText: 'return &x' }).first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(text, soon).toContain('p:=newCounter( )');

    await replaceLine(page, ID, 'return &x', 'return &x +');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => status.textContent(), soon).toMatch(/Not formatted: .*line 11/);
    expect(await text()).toContain('return &x +');
    expect(await text()).toContain('p:=newCounter( )');
  } finally {
    await opened.close();
  }
});

test('Shift+Alt+F in the playground formats the file on screen, and Ctrl+Z undoes it', async () => {
  const opened = await openPage('/play/');
  try {
    const { page } = opened;
    await playgroundReady(page);
    const text = () => page.evaluate(() => window.gmlPlayground!.getState().a.files[0]!.content);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nvar  y   =  1\n');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(text, soon).toContain('\nvar y = 1\n');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Formatted' }).count(), soon)
      .toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(text, soon).toContain('var  y   =  1');
  } finally {
    await opened.close();
  }
});
