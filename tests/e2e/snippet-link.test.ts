/**
 * Issue 14: "Link to this snippet" carries the reader's edits and options, and opens the chapter
 * at that snippet with the chapter text around it.
 */
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { hydrated, replaceLine, snippetRoot } from './support/snippet.ts';

afterAll(closeBrowser);

const soon = { timeout: 15_000 };
const ID = 'return-address';

test('a snippet link (short when the share store answers) carries the edit and the options, and opens at the snippet', async () => {
  const author = await openPage('/learn/chapter-2');
  let href: string;
  try {
    const { page } = author;
    await hydrated(page, ID);
    const el = snippetRoot(page, ID);
    const link = el.getByRole('link', { name: 'Link to this snippet' });
    await expect(link.getAttribute('href')).resolves.toBe(`#${ID}`);
    await replaceLine(page, ID, 'return &x', 'return &x // shared edit');
    await el.getByRole('combobox', { name: 'Detail' }).selectOption('1');
    await expect.poll(() => link.getAttribute('href'), soon).toMatch(/snippet=return-address/);
    const longHref = new URL((await link.getAttribute('href'))!, page.url()).href;
    const copy = el.getByRole('button', { name: 'Copy link' });
    const copied = () => el.getAttribute('data-copied-link');
    // No share store: Copy link offers the long link, which carries the state itself.
    await page.route('**/api/v1/share', (r) => r.abort());
    await copy.click();
    await expect.poll(copied, soon).toBe(longHref);
    // With the store: the short link.
    await page.unroute('**/api/v1/share');
    await copy.click();
    await expect.poll(copied, soon).toMatch(/\/s\/[0-9A-Za-z]{14}\?at=%2Flearn%2Fchapter-2/);
    await expect
      .poll(() => el.locator('[data-slot="status"]').textContent(), soon)
      .toMatch(/^Short link copied/);
    href = (await copied())!;
  } finally {
    await author.close();
  }
  const reader = await openPage(href.replace(/^https?:\/\/[^/]+/, ''));
  try {
    const { page } = reader;
    const el = snippetRoot(page, ID);
    await page.waitForSelector(`#${ID}[data-state="ready"] .cm-editor`);
    await expect
      .poll(() => el.locator('.cm-content').textContent(), soon)
      .toContain('// shared edit');
    expect(await el.getByRole('combobox', { name: 'Detail' }).inputValue()).toBe('1');
    // Opened at the snippet, with the chapter's own text on the page around it.
    await expect
      .poll(
        () =>
          el.evaluate((s) => {
            const r = s.getBoundingClientRect();
            return r.top < innerHeight && r.bottom > 0;
          }),
        soon,
      )
      .toBe(true);
    expect(await page.locator('main p').count()).toBeGreaterThan(3);
  } finally {
    await reader.close();
  }
});
