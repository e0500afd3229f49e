/**
 * Playground links in a real browser against the real server and toolchain: short links and
 * hash links restore everything (code, toolchain, flags, knobs and the recorded result), the
 * same state gives the same short link, and broken links explain themselves.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import type { PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { defaultState } from '../../src/lib/share/default-state.ts';
import { GOGC_PRESETS } from '../../src/lib/share/knob-steps.ts';
import { encodeState } from '../../src/lib/share/state-codec.ts';
import { baseUrl, closeBrowser, openPage, runAxe, formatViolations } from './support/browser.ts';
import {
  decisionsText,
  playgroundReady as ready,
  runPlayground as runAndWait,
  stateOf,
} from './support/playground.ts';

afterAll(closeBrowser);

async function serviceDefaultToolchain(): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/toolchains`);
  return ((await res.json()) as { default: string }).default;
}

const PROGRAM = `package main

type item struct{ id int }

var keep []*item

func remember(id int) {
	it := item{id}
	keep = append(keep, &it)
}

func total(n int) int {
	s := 0
	for i := range n {
		it := item{i}
		s += it.id
	}
	return s
}

func main() {
	remember(1)
	println(total(10))
}
`;

async function pinnedState(): Promise<PlaygroundState> {
  return {
    v: 1,
    a: {
      files: [
        { name: 'main.go', content: PROGRAM },
        { name: 'extra.go', content: 'package main\n\nfunc unused() int { return 7 }\n' },
      ],
      mode: 'build',
      escapeDetail: 1,
      inline: false,
      toolchain: await serviceDefaultToolchain(),
      env: { GOGC: '400', GOMEMLIMIT: '64MiB', GOMAXPROCS: '1' },
    },
  };
}

async function expectControls(page: Page, s: PlaygroundState): Promise<void> {
  expect(await page.getByRole('combobox', { name: /^Mode/ }).inputValue()).toBe(s.a.mode);
  expect(await page.getByRole('combobox', { name: /^Escape detail/ }).inputValue()).toBe(
    String(s.a.escapeDetail),
  );
  expect(await page.getByRole('checkbox', { name: 'Inlining' }).isChecked()).toBe(s.a.inline);
  expect(await page.getByRole('combobox', { name: /^Toolchain/ }).inputValue()).toBe(s.a.toolchain);
  // The same GOGC field as a chapter snippet's (GogcField.astro): a value plus the presets.
  const gogc = page.getByRole('combobox', { name: 'GOGC' });
  expect(await gogc.inputValue()).toBe(s.a.env.GOGC);
  expect(
    await page
      .locator(`datalist#${await gogc.getAttribute('list')} option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
  ).toEqual(GOGC_PRESETS);
  expect(await page.locator('output[data-for=GOMEMLIMIT]').innerText()).toContain(
    s.a.env.GOMEMLIMIT,
  );
  expect(await page.getByRole('combobox', { name: /^GOMAXPROCS/ }).inputValue()).toBe(
    s.a.env.GOMAXPROCS,
  );
  const tabs = await page.locator('[data-file-tabs] button[data-file]').allInnerTexts();
  expect(tabs).toEqual(s.a.files.map((f) => f.name));
}

describe('share links', () => {
  test('a short link opened in a fresh browser context restores everything and the decisions', async () => {
    const state = await pinnedState();
    const author = await openPage(`/play/#${encodeState(state)}`);
    let shortLink: string;
    let authorDecisions: string;
    try {
      await ready(author.page);
      await runAndWait(author.page);
      authorDecisions = await decisionsText(author.page);
      expect(authorDecisions).toContain('moved to heap: it');
      await author.page.getByRole('button', { name: 'Share' }).click();
      await author.page.waitForFunction(() => {
        const v = document.querySelector<HTMLInputElement>('[data-short-link]')?.value ?? '';
        return /\/s\/[0-9A-Za-z]{14}$/.test(v);
      });
      shortLink = await author.page.getByRole('textbox', { name: 'Short link' }).inputValue();
    } finally {
      await author.close();
    }

    // A new context: no storage, no cache, nothing but the link.
    const reader = await openPage(new URL(shortLink).pathname);
    try {
      await ready(reader.page);
      expect(reader.page.url()).toMatch(/\/play\/\?s=[0-9A-Za-z]{14}/);
      expect(await stateOf(reader.page)).toEqual(state);
      await expectControls(reader.page, state);
      // The recorded result is on screen before anyone runs anything.
      expect(await reader.page.locator('.pg-meta').innerText()).toContain('Recorded result');
      expect(await decisionsText(reader.page)).toBe(authorDecisions);
      // Monaco shows the decisions as markers on the restored code.
      const markers = await reader.page.evaluate(
        () => document.querySelectorAll('.squiggly-warning, .squiggly-info').length,
      );
      expect(markers).toBeGreaterThan(0);
      // Results, markers and the stack-or-heap diagram on screen: nothing serious for axe.
      await reader.page.waitForSelector('[data-diagram] svg', { timeout: 30_000 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await reader.page.emulateMedia({ colorScheme });
        await expect
          .poll(() => reader.page.evaluate(() => document.documentElement.dataset['theme']))
          .toBe(colorScheme);
        const violations = await runAxe(reader.page);
        expect(violations, `${colorScheme}: ${formatViolations(violations)}`).toEqual([]);
      }
    } finally {
      await reader.close();
    }
  });

  test('the same state gives the same short link', async () => {
    const body = JSON.stringify({ state: await pinnedState() });
    const post = () =>
      fetch(`${baseUrl()}/api/v1/share`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.json() as Promise<{ id: string }>);
    expect((await post()).id).toBe((await post()).id);
  });

  test('a hash link restores everything without touching the share store', async () => {
    const state = await pinnedState();
    state.a.env = { GOGC: '50' };
    const shareCalls: string[] = [];
    const opened = await openPage(`/play/#${encodeState(state)}`, {
      beforeGoto: async (page) => {
        await page.route('**/api/v1/share**', (route) => {
          shareCalls.push(route.request().url());
          return route.abort();
        });
      },
    });
    try {
      await ready(opened.page);
      expect(await stateOf(opened.page)).toEqual(state);
      await expectControls(opened.page, {
        ...state,
        a: { ...state.a, env: { ...state.a.env, GOMEMLIMIT: 'default', GOMAXPROCS: '' } },
      });
      await runAndWait(opened.page, 'keyboard');
      expect(await decisionsText(opened.page)).toContain('moved to heap: it');
      expect(shareCalls).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test.each([
    ['/play/#1.this-is-not-a-state', /damaged/],
    ['/play/#7.future', /newer version/],
    ['/s/AAAAAAAAAAAAAA', /No shared playground has the id/],
  ])('%s shows a clear message and an empty playground', async (path, message) => {
    const opened = await openPage(path);
    try {
      await ready(opened.page);
      const box = opened.page.locator('[data-message]');
      await expect.poll(() => box.isVisible()).toBe(true);
      expect(await box.innerText()).toMatch(message);
      expect(await stateOf(opened.page)).toEqual(defaultState());
      expect(await opened.page.locator('.monaco-editor').count()).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });
});
