/**
 * Issue 14: the playground's GC chart is styled like chapter 4's (one stylesheet): lines are
 * strokes not filled shapes, the legend has colours, dark mode is readable, and y-axis labels
 * are whole, at a 375 px phone width.
 */
import { afterAll, expect, test } from 'vitest';
import { defaultState } from '../../src/lib/share/default-state.ts';
import { encodeState } from '../../src/lib/share/state-codec.ts';
import { closeBrowser, openPage } from './support/browser.ts';
import { playgroundReady } from './support/playground.ts';

afterAll(closeBrowser);

/** 128 MiB of garbage in 64 KiB pieces: many GC cycles under the default GOGC. */
const CHURN = `package main

var sink []byte

func main() {
	for i := 0; i < 2000; i++ {
		sink = make([]byte, 64<<10)
	}
	println(len(sink))
}
`;

test('the playground GC chart is styled, readable in dark mode at 375 px, labels whole', async () => {
  const state = defaultState();
  state.a = { ...state.a, files: [{ name: 'main.go', content: CHURN }], mode: 'run' };
  const opened = await openPage(`/play/#${encodeState(state)}`, {
    viewport: { width: 375, height: 800 },
    colorScheme: 'dark',
  });
  try {
    const { page } = opened;
    await playgroundReady(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const chart = page.getByRole('img', { name: /GC cycles/ });
    await chart.waitFor({ timeout: 90_000 });
    await chart.scrollIntoViewIfNeeded();
    const look = await chart.evaluate((svg) => {
      const css = (sel: string) => {
        const el = svg.querySelector(sel);
        return el ? getComputedStyle(el) : undefined;
      };
      const key = document.querySelector('.sn-legend .sn-key.sn-start');
      const labels = [...svg.querySelectorAll('text[text-anchor="end"]')].map((t) => ({
        text: t.textContent ?? '',
        x: (t as SVGTextElement).getBBox().x,
        px: t.getBoundingClientRect().height,
      }));
      return {
        lineFill: css('polyline.sn-start')?.fill,
        lineStroke: css('polyline.sn-start')?.stroke,
        textFill: css('text')?.fill,
        keyBackground: key ? getComputedStyle(key).backgroundColor : undefined,
        labels,
      };
    });
    expect(look.lineFill).toBe('none');
    expect(look.lineStroke).not.toBe('rgb(0, 0, 0)');
    // Dark mode: the axis text is light, not the default black.
    expect(look.textFill).not.toBe('rgb(0, 0, 0)');
    expect(look.keyBackground).not.toBe('rgba(0, 0, 0, 0)');
    const yLabels = look.labels.filter((l) => /\d (MB|ms)$/.test(l.text));
    expect(yLabels.length).toBeGreaterThanOrEqual(4);
    for (const l of yLabels) {
      expect(l.x, `${l.text} starts inside the chart`).toBeGreaterThanOrEqual(0);
      expect(l.px, `${l.text} is readable`).toBeGreaterThanOrEqual(8);
    }
  } finally {
    await opened.close();
  }
});
