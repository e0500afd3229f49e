/**
 * A class in Chromium against the built site and the real sandbox (issue 15): the instructor
 * creates a class in the builder, two learners join from two browser contexts, one solves an
 * exercise by editing the code, and the instructor's dashboard shows both learners and the
 * solve within seconds, with the goals met and the shared code. Without its key the dashboard
 * shows nothing; an unknown class gets a friendly page; the new pages are axe-clean.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import {
  baseUrl,
  closeBrowser,
  expectNoConsoleErrors,
  formatViolations,
  openPage,
  runAxe,
  sharedBrowser,
} from './support/browser.ts';
import { exerciseReady } from './support/workshop.ts';

afterAll(closeBrowser);

const newContext = async (): Promise<BrowserContext> =>
  (await sharedBrowser()).newContext({ viewport: { width: 1280, height: 800 } });

async function axeClean(page: Page, what: string): Promise<void> {
  const v = await runAxe(page);
  expect(v, `${what}:\n${formatViolations(v)}`).toEqual([]);
}

/** Replaces the editor line containing `find` (from its indentation on) with `text`. */
async function replaceLine(page: Page, find: string, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: find }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
}

async function join(context: BrowserContext, joinUrl: string, name: string, share: boolean) {
  const opened = await openPage(joinUrl, { context });
  const { page } = opened;
  const nameBox = page.getByRole('textbox', { name: 'Your name, as the instructor will see it' });
  await nameBox.waitFor();
  await nameBox.fill(name);
  if (share)
    await page.getByRole('checkbox', { name: 'Share my code with the instructor' }).check();
  return opened;
}

describe('a class from creation to the live dashboard', () => {
  test('two learners join, one solves, the dashboard shows it within seconds', async () => {
    // --- the instructor builds the class
    const instructor = await newContext();
    const builder = await openPage('/workshop/classes/new/', { context: instructor });
    const b = builder.page;
    await b.waitForSelector('gml-new-class[data-ready]');
    await b.getByRole('button', { name: '2 hours: escape analysis + GC' }).click();
    const midpoint = b.getByRole('checkbox', { name: /Keep the midpoint on the stack/ });
    await expect(midpoint.isChecked()).resolves.toBe(true);
    await expect(b.locator('[data-slot="summary"]').textContent()).resolves.toMatch(
      /^\d+ exercises, about \d+ min of exercises\.$/,
    );
    // An empty name is refused with a message, and the picks stay.
    await b.getByRole('textbox', { name: 'Class name' }).fill('');
    await b.getByRole('button', { name: 'Create class' }).click();
    await expect(b.getByRole('alert').textContent()).resolves.toBe('Give the class a name.');
    await expect(midpoint.isChecked()).resolves.toBe(true);
    await b.getByRole('textbox', { name: 'Class name' }).fill('Gophers 张 <b>bold</b>');
    await b.getByRole('button', { name: 'Create class' }).click();
    await b.getByRole('heading', { name: 'Your class is ready' }).waitFor();
    const joinUrl = await b.getByRole('textbox', { name: /^Join link/ }).inputValue();
    const dashboardUrl = await b.getByRole('textbox', { name: /^Dashboard link/ }).inputValue();
    expect(joinUrl).toMatch(/\/workshop\/classes\/join\/\?c=[0-9A-Za-z]{12}$/);
    expect(dashboardUrl).toMatch(/&key=/);
    await axeClean(b, 'class builder');
    expectNoConsoleErrors(builder);

    // --- the dashboard, empty so far
    const dash = await openPage(dashboardUrl, { context: instructor });
    const d = dash.page;
    await d.getByRole('heading', { name: 'Gophers 张 <b>bold</b>', level: 1 }).waitFor();
    await expect(d.locator('b').count()).resolves.toBe(0);
    await d.getByText(/^No one has joined yet/).waitFor();
    await axeClean(d, 'empty dashboard');
    // Updates come over the live stream (SSE), not polling (follow-class.ts).
    await expect
      .poll(() => d.locator('gml-class-dashboard').getAttribute('data-transport'))
      .toBe('sse');

    // --- two learners in two browsers
    const annaCtx = await newContext();
    const anna = await join(annaCtx, joinUrl, 'Anna <img src=x onerror=alert(1)>', true);
    await axeClean(anna.page, 'join page');
    await anna.page.getByRole('button', { name: 'Join and start' }).click();
    await anna.page.waitForURL(/\/workshop\/[a-z0-9-]+\/\?seq=/);
    const weiCtx = await newContext();
    const wei = await join(weiCtx, joinUrl, '张伟', false);
    await wei.page.getByRole('button', { name: 'Join and start' }).click();
    await wei.page.waitForURL(/\/workshop\/[a-z0-9-]+\/\?seq=/);
    await wei.page
      .getByText(/^Class “Gophers 张 <b>bold<\/b>”: your checks are reported/)
      .waitFor();

    // A reload of the join page is the same learner, not a second one.
    await wei.page.goto(joinUrl);
    await wei.page
      .getByText('You already joined this class in this browser as 张伟.', { exact: false })
      .waitFor();
    await wei.page.getByRole('button', { name: 'Join and start' }).click();
    await wei.page.waitForURL(/\?seq=/);

    const rows = d.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3); // header + 2 learners
    await expect(d.getByRole('rowheader', { name: /^张伟/ }).count()).resolves.toBe(1);
    await expect(d.getByRole('rowheader', { name: /^Anna <img/ }).count()).resolves.toBe(1);
    await expect(d.locator('img').count()).resolves.toBe(0);

    // --- Anna solves "Keep the midpoint on the stack" by editing the code
    const a = anna.page;
    await a.goto(new URL('/workshop/return-by-value/', a.url()).href);
    await exerciseReady(a);
    await a.getByText(/your checks are reported to the instructor as Anna/).waitFor();
    const checkBtn = a.getByRole('button', { name: /^Check my code/ });
    await checkBtn.click();
    await expect
      .poll(() => a.getByRole('status').first().textContent(), { timeout: 90_000 })
      .toMatch(/^1 of 2 goals met/);
    // The failing check is on the dashboard too, with the goal that failed.
    const annaCell = d.getByRole('button', { name: /^Anna .*, Keep the midpoint on the stack:/ });
    await expect
      .poll(() => annaCell.getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(/Trying · 1 checks · goal 1 not met · 1 of 2 goals met/);

    await replaceLine(a, 'func midpoint', 'func midpoint(a, b Point) Point {');
    await replaceLine(a, 'return &m', 'return m');
    await checkBtn.click();
    await expect
      .poll(() => a.getByRole('status').first().textContent(), { timeout: 90_000 })
      .toMatch(/^All 2 goals met/);
    const solvedAt = Date.now();
    await expect
      .poll(() => annaCell.getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(/Solved in \d+:\d\d · 2 of 2 goals met/);
    const latency = Date.now() - solvedAt;
    console.log(`[classes] dashboard showed the solve ${latency} ms after the learner's check`);
    // Every update arrived on the one stream: it never fell back to polling.
    await expect(d.locator('gml-class-dashboard').getAttribute('data-transport')).resolves.toBe(
      'sse',
    );

    // The cell's detail: which goals were met, and the shared code.
    await annaCell.click();
    const dialog = d.getByRole('dialog');
    await dialog
      .getByRole('heading', { name: /Anna .* · Keep the midpoint on the stack/ })
      .waitFor();
    await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Met: /),
      expect.stringMatching(/^Met: /),
    ]);
    await expect.poll(() => dialog.locator('pre').last().textContent()).toContain('return m');
    await axeClean(d, 'dashboard with a cell open');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Sorting by "stuck longest" puts 张伟 (nothing solved) first; the projector shows totals.
    await d.getByRole('combobox', { name: 'Sort learners' }).selectOption('stuck');
    await expect.poll(() => d.getByRole('rowheader').first().textContent()).toMatch(/^张伟/);
    await d.getByRole('button', { name: 'Projector view' }).click();
    await d.getByRole('heading', { name: 'Room totals' }).waitFor();
    await expect(
      d.getByRole('listitem').filter({ hasText: 'Keep the midpoint on the stack' }).textContent(),
    ).resolves.toMatch(/1 solved · 0 trying · 1 not started/);
    await axeClean(d, 'projector view');
    await d.getByRole('button', { name: 'Leave projector view' }).click();

    // Ending the class deletes it: the dashboard says so, the join link finds nothing.
    d.once('dialog', (dlg) => void dlg.accept());
    await d.getByRole('button', { name: 'End class' }).click();
    await d.getByText("The class has ended and its learners' data is deleted.").waitFor();
    await wei.page.goto(joinUrl);
    await wei.page.getByText(/^This class does not exist, or it has ended or expired/).waitFor();

    expectNoConsoleErrors(anna);
    await Promise.all([instructor.close(), annaCtx.close(), weiCtx.close()]);
    // Two real checks on a shared 2-core machine, three browser contexts: longer than the default.
  }, 300_000);
});

describe('refusals', () => {
  test('the dashboard without its key shows nothing, and a wrong key is refused by the API', async () => {
    const created = await fetch(`${baseUrl()}/api/v1/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'secret room', exercises: ['return-by-value'] }),
    });
    const { id } = (await created.json()) as { id: string };

    const noKey = await openPage(`/workshop/classes/dashboard/?c=${id}`);
    await noKey.page.getByText(/^This dashboard needs the instructor's link/).waitFor();
    await expect(noKey.page.getByText('secret room').count()).resolves.toBe(0);
    await expect(noKey.page.getByRole('table').isVisible()).resolves.toBe(false);
    await axeClean(noKey.page, 'dashboard without key');
    expectNoConsoleErrors(noKey);
    await noKey.close();

    const wrong = await openPage(`/workshop/classes/dashboard/?c=${id}&key=not-the-key`);
    await wrong.page.getByText(/^This dashboard needs the instructor's link/).waitFor();
    await expect(wrong.page.getByText('secret room').count()).resolves.toBe(0);
    expect(wrong.failedRequests).toEqual([expect.stringMatching(/^403 .*\/dashboard$/)]);
    await wrong.close();
  });

  test('an unknown class gets a friendly page with a way back', async () => {
    const opened = await openPage('/workshop/classes/join/?c=ZZZZZZZZZZZZ');
    await opened.page.getByText(/^This class does not exist, or it has ended or expired/).waitFor();
    await opened.page.getByRole('link', { name: 'Go to the workshop' }).waitFor();
    await axeClean(opened.page, 'unknown class');
    await opened.close();
  });
});
