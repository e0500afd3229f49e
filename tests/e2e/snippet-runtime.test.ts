/**
 * Chapter 4's GC snippets and a bench snippet run live on the real built site and sandbox: a
 * fresh GC table and chart with forced cycles, the GOGC knob in the request and its effect on
 * the cycle count, and the benchmark table with allocs/op.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './support/browser.ts';
import {
  captureAnalyzeBodies,
  hydrated as hydratedIn,
  runAndWait as runAndWaitIn,
  runButton,
  snippetRoot,
} from './support/snippet.ts';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'snippet');
mkdirSync(SHOTS, { recursive: true });

afterAll(closeBrowser);

/** Tags the current contents of a result slot, so a test can tell a redraw from the recording. */
async function tagSlot(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate(
    ([sid, slotName]) => {
      const el = document.querySelector(`#${sid} [data-slot="${slotName}"]`);
      for (const child of el?.children ?? []) child.setAttribute('data-stale', '');
    },
    [id, name] as const,
  );
}

describe('runtime snippets run live', () => {
  test('forced-gc draws a fresh GC table and chart with its forced cycles', async () => {
    const opened = await openPage('/learn/chapter-4');
    try {
      const { page } = opened;
      const id = 'forced-gc';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      await tagSlot(page, id, 'gc');
      await runButton(snippetRoot(page, id)).click();
      expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in \d+ ms/);
      expect(bodies.map((b) => b.mode)).toEqual(['run']);
      const gc = snippetRoot(page, id).locator('[data-slot="gc"]');
      await expect(gc.locator('[data-stale]').count()).resolves.toBe(0);
      const rows = gc.locator('tbody tr');
      const cycles = await rows.count();
      expect(cycles).toBeGreaterThanOrEqual(2);
      // runtime.GC and debug.FreeOSMemory each force one.
      await expect(rows.filter({ hasText: '(forced)' }).count()).resolves.toBeGreaterThanOrEqual(2);
      const chart = gc.locator('svg.sn-gc-chart');
      await expect(chart.getAttribute('aria-label')).resolves.toContain(`${cycles} GC cycles`);
      // One start and one end dot per cycle, one pause bar per cycle.
      await expect(chart.locator('circle').count()).resolves.toBe(2 * cycles);
      await expect(chart.locator('rect.sn-pause').count()).resolves.toBe(cycles);
      await expect(gc.locator('p').first().textContent()).resolves.toMatch(
        new RegExp(`^${cycles} cycles \\([2-9]\\d* forced\\)`),
      );
      await snippetRoot(page, id).screenshot({ path: join(SHOTS, 'forced-gc-live.png') });
    } finally {
      await opened.close();
    }
  });

  test('a GOGC change goes into the request and changes the cycle count', async () => {
    const opened = await openPage('/learn/chapter-4');
    try {
      const { page } = opened;
      const id = 'gogc-cycles';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      const el = snippetRoot(page, id);
      const cyclesAt = async (gogc: string): Promise<number> => {
        await el.getByRole('combobox', { name: 'GOGC' }).fill(gogc);
        await runButton(el).click();
        expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in/);
        const out = (await el.locator('[data-slot="output"]').textContent()) ?? '';
        const m = new RegExp(`GOGC=${gogc}: (\\d+) GC cycles`).exec(out);
        expect(m, out).not.toBeNull();
        // The table shows the same cycles the program counted.
        await expect(el.locator('[data-slot="gc"] tbody tr').count()).resolves.toBe(Number(m![1]));
        return Number(m![1]);
      };
      const low = await cyclesAt('50');
      const high = await cyclesAt('400');
      expect(bodies.map((b) => b.env?.['GOGC'])).toEqual(['50', '400']);
      expect(bodies[0]!.files).toEqual(bodies[1]!.files);
      expect(high).toBeLessThan(low);
    } finally {
      await opened.close();
    }
  });

  test('a bench snippet shows the benchmark table with allocs/op', async () => {
    const opened = await openPage('/learn/chapter-1');
    try {
      const { page } = opened;
      const id = 'pool-reuse';
      const bodies = captureAnalyzeBodies(page);
      await hydratedIn(page, id);
      await tagSlot(page, id, 'bench');
      await runButton(snippetRoot(page, id)).click();
      expect(await runAndWaitIn(page, id, false)).toMatch(/^Done in/);
      expect(bodies.map((b) => b.mode)).toEqual(['bench']);
      const bench = snippetRoot(page, id).locator('[data-slot="bench"]');
      await expect(bench.locator('[data-stale]').count()).resolves.toBe(0);
      const headers = await bench.locator('thead th').allTextContents();
      const allocsCol = headers.indexOf('allocs/op');
      expect(allocsCol).toBeGreaterThan(0);
      const allocs = async (name: string) =>
        (await bench.locator('tbody tr', { hasText: name }).locator('th, td').allTextContents())[
          allocsCol
        ];
      await expect(allocs('BenchmarkFresh')).resolves.toBe('1');
      await expect(allocs('BenchmarkPooled')).resolves.toBe('0');
    } finally {
      await opened.close();
    }
  });
});
