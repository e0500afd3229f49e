/**
 * What does not fit the viewport's width: the page's own horizontal scroll, and every element
 * whose right edge passes the viewport without a horizontal scroller of its own around it (code
 * in an editor may scroll sideways; a button, goal or chart may not be cut off). Visually hidden
 * text (1 px clip) is skipped; code inside Monaco counts as scrolled (it scrolls itself).
 */
import type { Page } from 'playwright-core';

export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    const scrolls = (el: Element): boolean => {
      // Monaco draws its own scrollbars over an overflow:hidden viewport: its code scrolls too.
      if (el.closest('.monaco-editor')) return true;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.right <= width + 1 || scrolls(el)) continue;
      out.push(`${el.tagName.toLowerCase()}.${el.className}: right edge ${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}
