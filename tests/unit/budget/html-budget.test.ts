import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHAPTER_HTML_BUDGET, htmlOverBudget } from '../../../scripts/size.ts';

/** HTML that gzip cannot shrink much: random base64 of about `kb` KB. */
const noisyHtml = (kb: number) =>
  `<!doctype html><p>${randomBytes(Math.round((kb * 1024 * 3) / 4)).toString('base64')}</p>`;

describe('chapter HTML budget (npm run size)', () => {
  it('flags a chapter page over 60 KB gzip in either edition, and no other page', () => {
    expect(CHAPTER_HTML_BUDGET).toBe(60 * 1024);
    const heavy = noisyHtml(100);
    expect(htmlOverBudget('learn/chapter-2/index.html', heavy)).toMatch(/HTML .* gzip > 60\.0 KB/);
    expect(htmlOverBudget('zh/learn/chapter-2/index.html', heavy)).toMatch(/^zh\/learn/);
    expect(htmlOverBudget('glossary/index.html', heavy)).toBeUndefined();
    // Raw size alone does not count: 1 MB of repetitive markup gzips far below the budget.
    expect(htmlOverBudget('learn/chapter-1/index.html', '<span></span>'.repeat(80_000))).toBe(
      undefined,
    );
    expect(htmlOverBudget('zh/learn/chapter-5/index.html', noisyHtml(40))).toBeUndefined();
  });
});
