/**
 * The playground in a real browser against the real server and toolchain: compare mode shows
 * the semantic diff, chapter snippets hand their edited code over, Monaco stays off chapter
 * pages, embeds, gallery, file tabs and refusals (share and hash links:
 * playground-share.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { defaultState } from '../../src/lib/share/default-state.ts';
import { overflowing } from './support/overflow.ts';
import { encodeState } from '../../src/lib/share/state-codec.ts';
import { baseUrl, closeBrowser, openPage, runAxe, formatViolations } from './support/browser.ts';
import { chapterPages, DIST } from './support/pages.ts';
import { scrollToEndAndSettle } from './support/scroll.ts';
import { decisionsText, playgroundReady, runPlayground, stateOf } from './support/playground.ts';

afterAll(closeBrowser);

const RUN_TIMEOUT = 60_000;

const ready = playgroundReady;

const runAndWait = runPlayground;

test('compare mode: inlining on vs off for newT/useT shows the semantic diff line', async () => {
  const code = `package main

type T struct{ a, b int }

func newT() *T {
	return &T{1, 2}
}

func useT() int {
	t := newT()
	return t.a + t.b
}

func main() {
	println(useT())
}
`;
  const a = {
    files: [{ name: 'main.go', content: code }],
    mode: 'build' as const,
    escapeDetail: 2 as const,
    inline: true,
    env: {},
  };
  const state: PlaygroundState = { v: 1, a, b: { ...a, inline: false } };
  const opened = await openPage(`/play/#${encodeState(state)}`);
  try {
    await ready(opened.page);
    await expect
      .poll(() => opened.page.getByRole('region', { name: 'Compare A and B' }).isVisible())
      .toBe(true);
    expect(await opened.page.locator('[data-option-diff]').innerText()).toContain(
      'inlining: on → off',
    );
    await runAndWait(opened.page);
    await opened.page.waitForSelector('[data-semantic-diff] li[data-change]', {
      timeout: RUN_TIMEOUT,
    });
    const lines = await opened.page.locator('[data-semantic-diff] li').allInnerTexts();
    expect(lines).toContain('&T{...} in useT: stack → heap (line 10: newT is no longer inlined)');
    // With results, markers, both editors and the diff on screen, in both themes: nothing serious.
    for (const colorScheme of ['light', 'dark'] as const) {
      await opened.page.emulateMedia({ colorScheme });
      await expect
        .poll(() => opened.page.evaluate(() => document.documentElement.dataset['theme']))
        .toBe(colorScheme);
      const violations = await runAxe(opened.page);
      expect(violations, `${colorScheme}: ${formatViolations(violations)}`).toEqual([]);
    }
    // The comparison itself is shareable: a short link carries both variants and both results.
    expect(await stateOf(opened.page)).toEqual(state);
    await opened.page.getByRole('button', { name: 'Share' }).click();
    await opened.page.waitForFunction(() =>
      /\/s\/[0-9A-Za-z]{14}$/.test(
        document.querySelector<HTMLInputElement>('[data-short-link]')?.value ?? '',
      ),
    );
    const link = new URL(
      await opened.page.getByRole('textbox', { name: 'Short link' }).inputValue(),
    );
    const reader = await openPage(link.pathname);
    try {
      await ready(reader.page);
      expect(await stateOf(reader.page)).toEqual(state);
      // Recorded results for A and B: the diff is there before anyone runs anything.
      const shared = await reader.page.locator('[data-semantic-diff] li').allInnerTexts();
      expect(shared).toContain(
        '&T{...} in useT: stack → heap (line 10: newT is no longer inlined)',
      );
    } finally {
      await reader.close();
    }
  } finally {
    await opened.close();
  }
});

test('"Open in playground" from a chapter carries the edited code', async () => {
  const chapter = chapterPages().find((path) =>
    readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('<go-snippet'),
  );
  if (chapter === undefined) throw new Error('no chapter page has a <go-snippet>');
  const opened = await openPage(chapter);
  try {
    const snippet = opened.page.locator('go-snippet').first();
    await snippet.scrollIntoViewIfNeeded();
    const editor = snippet.locator('.cm-content').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await opened.page.keyboard.press('Control+End');
    await opened.page.keyboard.type('\n// edited in the chapter by e2e\n');
    await snippet.getByRole('link', { name: 'Open in playground' }).click();
    await opened.page.waitForURL(/\/play\/#1\./);
    await ready(opened.page);
    const state = await stateOf(opened.page);
    expect(state.a.files[0]!.content).toContain('// edited in the chapter by e2e');
  } finally {
    await opened.close();
  }
});

test('Monaco is never requested by chapter pages', async () => {
  for (const path of chapterPages()) {
    const urls: string[] = [];
    const opened = await openPage(path, {
      waitUntil: 'networkidle',
      beforeGoto: (page) => void page.on('request', (r) => urls.push(r.url())),
    });
    try {
      await scrollToEndAndSettle(opened.page);
      expect(
        urls.filter((u) => /monaco|editor\.worker/i.test(u)),
        path,
      ).toEqual([]);
    } finally {
      await opened.close();
    }
  }
});

test('/play loads Monaco, is usable at 375 px, and passes axe', async () => {
  const urls: string[] = [];
  const opened = await openPage('/play/', {
    viewport: { width: 375, height: 800 },
    beforeGoto: (page) => void page.on('request', (r) => urls.push(r.url())),
  });
  try {
    await ready(opened.page);
    expect(urls.some((u) => /monaco/i.test(u))).toBe(true);
    const overflow = await opened.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const violations = await runAxe(opened.page);
    expect(violations, formatViolations(violations)).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('a short link with ?embed=1 in a 480 px frame: compact, readable, and Run works', async () => {
  const res = await fetch(`${baseUrl()}/api/v1/share`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: defaultState() }),
  });
  const { path } = (await res.json()) as { path: string };
  // What an <iframe width="480" height="360" src="…/s/<id>?embed=1"> loads.
  const opened = await openPage(`${path}?embed=1`, { viewport: { width: 480, height: 360 } });
  try {
    const { page } = opened;
    await ready(page);
    // Embed mode survives the redirect, and the link's code is what shows.
    expect(page.url()).toMatch(/\/play\/\?s=[0-9A-Za-z]{14}&embed=1/);
    await expect.poll(() => page.locator('.site-header').isVisible()).toBe(false);
    await expect
      .poll(() => page.getByRole('link', { name: 'Open in the full playground ↗' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.locator('.monaco-editor .view-lines').first().innerText())
      .toMatch(/func\snewPoint/); // Monaco lays out spaces as U+00A0
    await expect.poll(() => overflowing(page)).toEqual([]);
    await runAndWait(page);
    expect(await decisionsText(page)).toContain('moved to heap: p');
    await expect.poll(() => overflowing(page)).toEqual([]);
  } finally {
    await opened.close();
  }
});

test('a gallery card opens its snippet in the playground with its code and options', async () => {
  const opened = await openPage('/gallery/');
  try {
    const card = opened.page.locator('[data-gallery-open]').first();
    const id = await card.getAttribute('data-gallery-open');
    await card.click();
    await opened.page.waitForURL(/\/play\/#1\./);
    await ready(opened.page);
    const state = await stateOf(opened.page);
    const dir = join(DIST, '..', 'content', 'snippets', id!);
    const main = state.a.files.find((f) => f.name === 'main.go');
    expect(main?.content).toBe(readFileSync(join(dir, 'main.go'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(dir, 'snippet.json'), 'utf8')) as { mode?: string };
    expect(state.a.mode).toBe(meta.mode ?? 'build');
  } finally {
    await opened.close();
  }
});

test('files are tabs: add a benchmark file, switch to it, and the state follows', async () => {
  const opened = await openPage('/play/');
  try {
    await ready(opened.page);
    opened.page.once('dialog', (d) => void d.accept('main_test.go'));
    await opened.page.getByRole('button', { name: 'Add a file' }).click();
    await opened.page.waitForSelector('button[data-file="main_test.go"][aria-current="true"]');
    const state = await stateOf(opened.page);
    expect(state.a.files.map((f) => f.name)).toEqual(['main.go', 'main_test.go']);
    expect(state.a.files[1]!.content).toContain('func BenchmarkExample(b *testing.B)');
    // The editor now shows the new file.
    expect(await opened.page.locator('.monaco-editor .view-lines').innerText()).toContain(
      'BenchmarkExample',
    );
  } finally {
    await opened.close();
  }
});

test('a run the sandbox refuses explains why and keeps the code', async () => {
  const state = defaultState();
  state.a.mode = 'run';
  state.a.env = { GOMAXPROCS: '999' };
  state.a.files[0]!.content += '\n// my unsaved thought\n';
  const opened = await openPage(`/play/#${encodeState(state)}`);
  try {
    await ready(opened.page);
    await runAndWait(opened.page);
    const error = opened.page.getByRole('region', { name: 'Results' }).getByRole('alert');
    expect(await error.innerText()).toMatch(
      /GOMAXPROCS may be at most \d+ here\. Your code is kept/,
    );
    expect(await stateOf(opened.page)).toEqual(state);
  } finally {
    await opened.close();
  }
});
