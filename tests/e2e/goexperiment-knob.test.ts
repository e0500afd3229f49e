/**
 * The GOEXPERIMENT snippet knob on chapter 4's Green Tea snippet, against the built site and the
 * real sandbox: choosing nogreenteagc goes into the request, the program reports the runtime it
 * was linked with and the span layout of the pre-Green-Tea collector, and the playground link
 * pins the choice.
 */
import { afterAll, expect, test } from 'vitest';
import { decodeState } from '../../src/lib/share/state-codec.ts';
import { closeBrowser, openPage } from './support/browser.ts';
import { captureAnalyzeBodies, hydrated, runAndWait, snippetRoot } from './support/snippet.ts';

afterAll(closeBrowser);

const ID = 'greentea-compare';

test('choosing nogreenteagc builds against the other collector and pins it in the link', async () => {
  const opened = await openPage('/learn/chapter-4');
  try {
    const { page } = opened;
    const bodies = captureAnalyzeBodies(page);
    await hydrated(page, ID);
    const el = snippetRoot(page, ID);
    const knob = el.getByRole('combobox', { name: /^GOEXPERIMENT:/ });
    await expect(knob.inputValue()).resolves.toBe('');
    await knob.selectOption('nogreenteagc');
    await el.getByRole('button', { name: /^Run/ }).click();
    expect(await runAndWait(page, ID, false)).toMatch(/^Done in/);
    expect(bodies.map((b) => b.env?.GOEXPERIMENT)).toEqual(['nogreenteagc']);
    const out = el.locator('[data-slot="output"]');
    await expect
      .poll(async () => (await out.textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/runtime: go1\.\d+(\.\d+)?[- ]X:nogreenteagc/);
    await expect(out.textContent()).resolves.toContain(
      '48-byte objects without pointers per span: 170',
    );
    const href =
      (await el.getByRole('link', { name: 'Open in playground' }).getAttribute('href')) ?? '';
    const state = decodeState(href.slice(href.indexOf('#')));
    expect(state.ok && state.state.a.env.GOEXPERIMENT).toBe('nogreenteagc');

    // The playground opened from that link shows the choice and keeps it in its own state.
    const play = await openPage(href);
    try {
      const select = play.page.getByRole('combobox', { name: /^GOEXPERIMENT/ });
      await expect.poll(() => select.inputValue(), { timeout: 30_000 }).toBe('nogreenteagc');
    } finally {
      await play.close();
    }
  } finally {
    await opened.close();
  }
});
