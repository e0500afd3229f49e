/**
 * Chromium for the e2e tests: Debian's `chromium` driven by playwright-core, one fresh browser
 * context per page so no storage leaks between tests. global-setup.ts serves the built site and
 * the real API from one process; `openPage` paths are relative to it.
 *
 *   afterAll(closeBrowser);
 *   test('…', async () => {
 *     const opened = await openPage('/learn/chapter-2#closure-capture', {
 *       beforeGoto: (page) => page.route('**\/api/**', (r) => r.abort()), // optional
 *     });
 *     try {
 *       // … opened.page is a playwright-core Page …
 *       expectNoConsoleErrors(opened);
 *       expect(await runAxe(opened.page)).toEqual([]);
 *     } finally {
 *       await opened.close();
 *     }
 *   });
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from './chromium.ts';

export { launchBrowser };

let shared: Promise<Browser> | undefined;

/** One browser per test file, launched on first use; {@link closeBrowser} in afterAll. */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser();
  return shared;
}

export async function closeBrowser(): Promise<void> {
  const b = shared;
  shared = undefined;
  if (b) await (await b).close();
}

/** Origin of the server under test (from global-setup), without trailing slash. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export interface OpenPageOptions {
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Browser language (navigator.language, Accept-Language); default Chromium's own. */
  locale?: string;
  /** Reuse a context (to share storage between pages); by default a fresh one is made. */
  context?: BrowserContext;
  /** Runs before navigation: install `page.route` blocks, init scripts… */
  beforeGoto?: (page: Page) => Promise<void> | void;
  /** Default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** Requests that failed or answered ≥ 400, as "STATUS URL" or "failed URL (reason)". */
  failedRequests: string[];
  /** Closes the page, and its context when openPage created it. */
  close: () => Promise<void>;
}

/** Opens `path` (relative to baseUrl) and records everything that went wrong while it runs. */
export async function openPage(path: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const ownContext = options.context === undefined;
  const context =
    options.context ??
    (await (
      await sharedBrowser()
    ).newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      ...(options.locale ? { locale: options.locale } : {}),
    }));
  const page = await context.newPage();
  if (options.viewport && !ownContext) await page.setViewportSize(options.viewport);
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) =>
    failedRequests.push(`failed ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.status()} ${res.url()}`);
  });
  await options.beforeGoto?.(page);
  await page.goto(new URL(path, `${baseUrl()}/`).href, {
    waitUntil: options.waitUntil ?? 'load',
  });
  return {
    page,
    context,
    consoleErrors,
    failedRequests,
    close: async () => {
      await page.close();
      if (ownContext) await context.close();
    },
  };
}

/** Throws, listing them, if the page logged console errors or had failed requests. */
export function expectNoConsoleErrors(
  opened: Pick<OpenedPage, 'consoleErrors' | 'failedRequests'>,
) {
  const problems = [...opened.consoleErrors, ...opened.failedRequests];
  if (problems.length > 0) {
    throw new Error(`page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

export { runAxe, formatViolations, type AxeViolation } from './axe.ts';
