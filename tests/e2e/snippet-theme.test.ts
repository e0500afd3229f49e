/**
 * The site theme switch with a snippet's live "stack or heap?" diagram on screen: the diagram is
 * redrawn in the other theme (a Mermaid SVG is drawn for one theme only) and its nodes still
 * lead to their source lines afterwards.
 */
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import { hydrated, snippetRoot } from './support/snippet.ts';

afterAll(closeBrowser);

const ID = 'return-address';

/** The computed fill of the diagram's first node shape, and the SVG element's identity tag. */
function nodeFill(page: Page): Promise<string> {
  return page.evaluate((id) => {
    const shape = document.querySelector(
      `#${id} .sn-diagram g.node rect, #${id} .sn-diagram g.node polygon, #${id} .sn-diagram g.node path`,
    );
    return shape ? getComputedStyle(shape).fill : '';
  }, ID);
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

test('switching theme redraws the visible diagram in the new theme; node clicks still find lines', async () => {
  const opened = await openPage('/learn/chapter-2', { colorScheme: 'light' });
  try {
    const { page } = opened;
    await hydrated(page, ID);
    const diagram = snippetRoot(page, ID).locator('.sn-diagram');
    await diagram.scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${ID} .sn-diagram svg g.node[data-line]`);
    const lightFill = await nodeFill(page);
    expect(luminance(lightFill)).toBeGreaterThan(0.5);
    await page.evaluate((id) => {
      document.querySelector(`#${id} .sn-diagram svg`)?.setAttribute('data-old', '');
    }, ID);

    // system (light here) → light → dark. A mouse click at the toggle's place in the sticky
    // header: Playwright's locator.click would first scroll the page (it mis-measures sticky
    // elements) and take the diagram out of view.
    const box = await page.locator('[data-theme-toggle]').first().boundingBox();
    expect(box).not.toBeNull();
    for (let i = 0; i < 2; i++) {
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    }
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await expect.poll(() => diagram.isVisible()).toBe(true);
    await page.waitForSelector(`#${ID} .sn-diagram svg:not([data-old]) g.node[data-line]`);
    const darkFill = await nodeFill(page);
    expect(luminance(darkFill), `dark fill ${darkFill}`).toBeLessThan(0.2);

    await diagram.locator('g.node[data-line="10"]').first().click();
    await expect(
      snippetRoot(page, ID).locator('.cm-line.sn-cm-flash').textContent(),
    ).resolves.toContain('return &x');
    // Keyboard too: Enter on a focused node.
    await snippetRoot(page, ID).locator('.cm-line', { hasText: 'func main' }).click();
    await diagram.locator('g.node[data-line="10"]').first().focus();
    await page.keyboard.press('Enter');
    await expect(
      snippetRoot(page, ID).locator('.cm-line.sn-cm-flash').textContent(),
    ).resolves.toContain('return &x');
  } finally {
    await opened.close();
  }
});
