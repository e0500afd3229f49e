/**
 * Workshop progress in Chromium against the real built site: a progress file written by an
 * older version imports, progress exports as the current version, and code saved against an
 * older start code opens the new start with the old code restorable.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { ProgressFileSchema, ProgressV3Schema } from '../../src/lib/exercises/progress-schema.ts';
import { closeBrowser, expectNoConsoleErrors, openPage } from './support/browser.ts';
import { exerciseReady as ready } from './support/workshop.ts';

afterAll(closeBrowser);

describe('progress files', () => {
  test('a version 1 progress file imports and shows its exercises as solved', async () => {
    const opened = await openPage('/workshop/');
    const { page } = opened;
    await page.waitForSelector('gml-workshop-index[data-ready]');
    const v1 = {
      app: 'go-memory-lab-workshop',
      exportedAt: '2026-01-01T00:00:00.000Z',
      progress: {
        version: 1,
        solved: ['field-order'],
        code: { 'closure-capture': 'package main\n' },
      },
    };
    await page.getByLabel('Import progress…').setInputFiles({
      name: 'progress-v1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(v1)),
    });
    await expect
      .poll(() => page.locator('[data-slot="import-status"]').textContent())
      .toBe('Imported progress for 2 exercises (converted from version 1 of the progress format).');
    const badge = (slug: string) =>
      page.locator(`.ws-item[data-slug="${slug}"] [data-slot="status"]`).textContent();
    await expect(badge('field-order')).resolves.toBe('Solved');
    await expect(badge('closure-capture')).resolves.toBe('In progress');

    // The import is stored. Its code predates start-code stamps, so the exercise opens on its
    // start code and keeps the imported code one click away.
    await page.goto(new URL('/workshop/closure-capture/', page.url()).href);
    await ready(page);
    await expect(page.locator('.cm-content').textContent()).resolves.not.toBe('package main');
    await expect(page.locator('[data-slot="status"]').textContent()).resolves.toMatch(
      /predates this version.*Restore my code/,
    );
    await page.getByRole('button', { name: 'Restore my code' }).click();
    await expect(page.locator('.cm-content').textContent()).resolves.toBe('package main');

    // And it exports again in the current version.
    await page.goto(new URL('/workshop/', page.url()).href);
    await page.waitForSelector('gml-workshop-index[data-ready]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const exported = ProgressFileSchema.extend({ progress: ProgressV3Schema }).parse(
      JSON.parse(
        await (
          await download.createReadStream()
        )
          .toArray()
          .then((c) => Buffer.concat(c as Buffer[]).toString()),
      ),
    );
    expect(exported.progress.version).toBe(3);
    expect(exported.progress.exercises['field-order']?.status).toBe('solved');
    expectNoConsoleErrors(opened);
    await opened.close();
  });
});

test('code saved against an older start code opens the new start, with the old code restorable', async () => {
  const mine = 'package main // written against the old start\n';
  const opened = await openPage('/workshop/return-by-value/', {
    beforeGoto: async (page) => {
      await page.addInitScript((code) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const record = {
          status: 'started',
          files: [{ name: 'main.go', content: code }],
          startHash: 'hash-of-an-older-start',
          hintsShown: 0,
          solutionRevealed: false,
          attempts: 1,
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        localStorage.setItem(
          'gml-workshop-progress',
          JSON.stringify({ version: 3, exercises: { 'return-by-value': record } }),
        );
      }, mine);
    },
  });
  const { page } = opened;
  await ready(page);
  const content = page.locator('.cm-content');
  await expect(content.textContent()).resolves.toContain('func ');
  await expect(content.textContent()).resolves.not.toContain('old start');
  await expect(page.locator('[data-slot="status"]').textContent()).resolves.toMatch(
    /start code changed/,
  );
  await page.getByRole('button', { name: 'Restore my code' }).click();
  await expect(content.textContent()).resolves.toBe(mine.trimEnd());
  // Restored, edited code is saved stamped with the current start, so it loads after a reload.
  // The save is debounced: wait until the stored record carries a new stamp and the code.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const doc = JSON.parse(localStorage.getItem('gml-workshop-progress') ?? '{}') as {
          exercises?: Record<string, { startHash?: string; files?: { content: string }[] }>;
        };
        const r = doc.exercises?.['return-by-value'];
        return r?.startHash !== 'hash-of-an-older-start' ? r?.files?.[0]?.content.trimEnd() : '';
      }),
    )
    .toBe(mine.trimEnd());
  await page.reload();
  await ready(page);
  await expect(content.textContent()).resolves.toBe(mine.trimEnd());
  expectNoConsoleErrors(opened);
  await opened.close();
});
