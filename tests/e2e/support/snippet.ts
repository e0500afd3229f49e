/**
 * Helpers for driving one `<go-snippet>` on a chapter page: wait for CodeMirror, edit a line,
 * run and wait for the status line to settle, and capture the requests a run sends.
 */
import type { Locator, Page } from 'playwright-core';
import type { AnalyzeRequest } from '@go-memory-lab/sandbox-api/protocol';

/** The snippet element with this id. */
export const snippetRoot = (page: Page, id: string) => page.locator(`#${id}`);

/** A snippet's Run button, by role and name (the name ends with its key, Ctrl+Enter). */
export const runButton = (snippet: Locator) => snippet.getByRole('button', { name: /^Run\b/ });

/** Scrolls the snippet into view and waits until its editor has replaced the static code. */
export async function hydrated(page: Page, id: string): Promise<void> {
  await snippetRoot(page, id).scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${id}[data-state="ready"] .cm-editor`);
}

/** Replaces the editor line containing `find` (from its indentation on) with `text`. */
export async function replaceLine(page: Page, id: string, find: string, text: string) {
  await snippetRoot(page, id).locator('.cm-line', { hasText: find }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
}

/**
 * Waits until the snippet's run has finished (not running, status neither empty nor busy) and
 * returns the status text. With `start` it first presses Ctrl+Enter (focus must be inside it).
 * "Busy" is the status line's tone (compiling, retrying after a 429), not its words, so the same
 * wait works on /zh/ pages.
 */
export async function runAndWait(page: Page, id: string, start = true): Promise<string> {
  if (start) await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (sid) => {
      const el = document.getElementById(sid)!;
      const status = el.querySelector<HTMLElement>('[data-slot="status"]');
      return (
        !el.hasAttribute('data-running') &&
        (status?.textContent ?? '') !== '' &&
        status?.dataset['tone'] !== 'busy'
      );
    },
    id,
    { timeout: 60_000 },
  );
  return (await snippetRoot(page, id).locator('[data-slot="status"]').textContent()) ?? '';
}

/** Records the JSON body of every POST to /api/v1/analyze the page sends, in order. */
export function captureAnalyzeBodies(page: Page): AnalyzeRequest[] {
  const bodies: AnalyzeRequest[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/api/v1/analyze')) {
      bodies.push(req.postDataJSON() as AnalyzeRequest);
    }
  });
  return bodies;
}
