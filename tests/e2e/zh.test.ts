/**
 * The Chinese edition in a real browser against the real server: a /zh/ chapter snippet runs on
 * the sandbox and explains its decisions in Chinese, with a Chinese status line and diagram
 * caption; checking a /zh/ exercise labels its goals in Chinese; a miss under /zh/ gets the
 * Chinese 404 page; the language switch keeps the section anchor both ways; the first visit
 * follows the browser's language once and the reader's choice then sticks, with Monaco's own
 * strings in the page's language; zh pages fit 375 px in light and dark (axe checks every
 * built page, these included, in site.test.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { baseUrl, closeBrowser, expectNoConsoleErrors, openPage } from './support/browser.ts';
import { hydrated, runAndWait, snippetRoot } from './support/snippet.ts';
import { exerciseReady } from './support/workshop.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

const CHAPTER = '/zh/learn/chapter-2/';
const SECTION = 'closures-interfaces-and-append-the-classic-traps';

test('a zh chapter is Chinese, links its English twin, and a snippet run explains itself in Chinese', async () => {
  const opened = await openPage(CHAPTER, { locale: 'zh-CN' });
  try {
    const { page } = opened;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((ls) =>
        ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`),
      );
    expect(alternates).toEqual(
      expect.arrayContaining(['en /learn/chapter-2/', 'zh-CN /zh/learn/chapter-2/']),
    );
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('逃逸分析实战');

    await hydrated(page, 'return-address');
    const root = snippetRoot(page, 'return-address');
    await root.getByRole('button', { name: /^运行/ }).click();
    const status = await runAndWait(page, 'return-address', false);
    // The status line is the catalogue's, not the controller's old English ("Done in … ms").
    expect(status).toMatch(/^完成，用时 \d+ ms：编译器决策 \d+ 条。$/);
    await expect
      .poll(() => root.locator('[data-slot="diagram-caption"]').textContent(), { timeout: 15_000 })
      .toMatch(/，第 \d+ 行$/);
    await expect
      .poll(() => root.locator('[data-slot="meta"]').textContent(), { timeout: 15_000 })
      .toContain('实时结果');
    const explanation = root.locator('.sn-decision', { hasText: 'moved to heap: x' }).first();
    await expect
      .poll(() => explanation.locator('.sn-explain').textContent(), { timeout: 15_000 })
      .toContain('住在堆上');
    expect(await explanation.getByRole('link').getAttribute('href')).toBe(
      '/zh/glossary#moved-to-heap',
    );
    expectNoConsoleErrors(opened);
  } finally {
    await opened.close();
  }
});

test('checking a zh exercise labels every goal in Chinese', async () => {
  const opened = await openPage('/zh/workshop/return-by-value/', { locale: 'zh-CN' });
  try {
    const { page } = opened;
    await exerciseReady(page);
    await page.getByRole('button', { name: '检查我的代码' }).click();
    // The start code meets the second goal only; no label is left in English.
    const labels = page.locator('.ws-goal [data-slot="state"]');
    await expect
      .poll(() => labels.allTextContents(), { timeout: 90_000 })
      .toEqual(['未达成', '已达成']);
    await expect
      .poll(() => page.locator('gml-exercise [data-slot="status"]').textContent(), {
        timeout: 15_000,
      })
      .toBe('达成 1 / 2 个目标。请查看每个目标下方的原因。');
    expectNoConsoleErrors(opened);
  } finally {
    await opened.close();
  }
});

test('a miss under /zh/ answers 404 with the Chinese page', async () => {
  const res = await fetch(`${baseUrl()}/zh/learn/no-such-chapter/`);
  expect(res.status).toBe(404);
  const html = await res.text();
  expect(html).toContain('<html lang="zh-CN"');
  expect(html).toContain('这个页面逃逸了');
});

test('the language switch keeps the section anchor, both ways, and is remembered', async () => {
  const opened = await openPage(`/learn/chapter-2/#${SECTION}`, { locale: 'en-US' });
  try {
    const { page, context } = opened;
    await page.getByRole('link', { name: 'Read this page in Chinese' }).click();
    await page.waitForURL((u) => u.pathname === '/zh/learn/chapter-2/' && u.hash === `#${SECTION}`);
    await expect
      .poll(() => page.locator(`#${SECTION}`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => page.locator(`#${SECTION}`).textContent(), { timeout: 15_000 })
      .toContain('闭包、接口与 append');

    await page.getByRole('link', { name: '阅读本页的英文版' }).click();
    await page.waitForURL((u) => u.pathname === '/learn/chapter-2/' && u.hash === `#${SECTION}`);

    // The reader chose English: an unprefixed link in a new tab of the same profile stays English.
    const again = await openPage('/glossary', { context });
    try {
      expect(new URL(again.page.url()).pathname).toBe('/glossary');
    } finally {
      await again.close();
    }
  } finally {
    await opened.close();
  }
});

/** Opens Monaco's find widget with Ctrl+F and waits for its field, named `label`. */
async function findWidget(page: Page, label: string): Promise<void> {
  await playgroundReady(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+F');
  await expect.poll(() => page.getByRole('textbox', { name: label, exact: true }).count()).toBe(1);
}

test('a first visit follows the browser language once; a /zh/ link is honoured as it is', async () => {
  const opened = await openPage('/play/', { locale: 'zh-CN' });
  try {
    const { page, context } = opened;
    await page.waitForURL((u) => u.pathname === '/zh/play/');
    expect(await page.evaluate(() => localStorage.getItem('gml-locale'))).toBe('zh');
    // Monaco's own strings follow the page: its find widget is labelled in Chinese here…
    await findWidget(page, '查找');
    await page.getByRole('link', { name: '阅读本页的英文版' }).click();
    await page.waitForURL((u) => u.pathname === '/play/');
    // Remembered: reloading the unprefixed page does not send the reader back to Chinese.
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/play/');
    // …and in English on the English page.
    await findWidget(page, 'Find');
    const zhLink = await openPage('/zh/glossary', { context });
    try {
      expect(new URL(zhLink.page.url()).pathname).toBe('/zh/glossary');
    } finally {
      await zhLink.close();
    }
  } finally {
    await opened.close();
  }
});

describe.each(['/zh/', '/zh/learn/chapter-1/', '/zh/glossary/', '/zh/reading-gctrace/'])(
  'page %s',
  (path) => {
    // axe runs on every built page, /zh/ ones included, in site.test.ts; here the Chinese text
    // (longer words, no spaces to break at) must still fit a phone in both themes.
    test('375 px has no horizontal scroll, in light and dark', async () => {
      const opened = await openPage(path, { locale: 'zh-CN', waitUntil: 'networkidle' });
      try {
        const { page } = opened;
        await page.setViewportSize({ width: 375, height: 812 });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await expect
            .poll(() => page.evaluate(() => document.documentElement.dataset['theme']), {
              timeout: 15_000,
            })
            .toBe(scheme);
          await expect
            .poll(
              () =>
                page.evaluate(
                  () =>
                    document.documentElement.scrollWidth <= document.documentElement.clientWidth,
                ),
              { timeout: 15_000 },
            )
            .toBe(true);
        }
        expectNoConsoleErrors(opened);
      } finally {
        await opened.close();
      }
    });
  },
);
