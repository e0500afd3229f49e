/**
 * Scrolling through a page whose parts draw when they come near the viewport (snippet editors,
 * Mermaid diagrams; both observe with a 200 px margin), and waiting until they have.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Scrolls to the end of the page, then polls until every snippet near the viewport has mounted
 * its editor (or said that its data could not be had) and every Mermaid diagram near it is drawn.
 */
export async function scrollToEndAndSettle(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const near = (el: Element) => {
            const r = el.getBoundingClientRect();
            return r.bottom > -200 && r.top < innerHeight + 200;
          };
          const snippets = [...document.querySelectorAll<HTMLElement>('go-snippet')].filter(near);
          const diagrams = [...document.querySelectorAll('.mermaid-diagram')].filter(near);
          return (
            snippets.every(
              (s) => s.dataset['state'] === 'ready' || s.dataset['dataFailed'] !== undefined,
            ) && diagrams.every((d) => d.querySelector('svg') !== null)
          );
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}
