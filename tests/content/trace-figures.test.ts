/**
 * Chapter 4's execution-trace figures (made by hand with `npm run capture:trace`): every image an
 * MDX page imports exists, both editions show the three captures in the pprof/trace section, and
 * the captions quote the run that content/trace-capture/capture.json says made them — so a new
 * capture with different numbers cannot leave the old captions behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { MmuPlotSchema } from '../../scripts/trace-views/mmu-chart.ts';
import { readMdx, sections } from './support/mdx.ts';

const IMAGE_IMPORT = /^import\s+\w+\s+from\s+'([^']+\.(?:png|jpe?g|webp|svg))';$/gm;
const VIEWS = ['gc-overview.png', 'gc-assist.png', 'mmu.png'];

const CaptureSchema = z.object({
  goVersion: z.string(),
  capturedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  loadAverage: z.number(),
  gomaxprocs: z.number().int(),
  gcCycles: z.number().int().positive(),
  mmuPlotMs: z.tuple([z.number(), z.number()]),
  mmuZeroUpToMs: z.number(),
});
const capture = CaptureSchema.parse(
  JSON.parse(readFileSync('content/trace-capture/capture.json', 'utf8')),
);
const mdx = readMdx([
  'content/chapters',
  'content/chapters/zh',
  'content/pages',
  'content/pages/zh',
]);
const chapter4 = mdx.filter((f) => f.path.endsWith('chapter-4.mdx'));

describe('captured figures', () => {
  for (const f of mdx) {
    test(`every image ${f.path} imports exists`, () => {
      const missing = [...f.text.matchAll(IMAGE_IMPORT)]
        .map((m) => resolve(dirname(f.path), m[1]!))
        .filter((p) => !existsSync(p));
      expect(missing).toEqual([]);
    });
  }

  test('the MMU data the chart was drawn from is the viewer’s plot JSON', () => {
    const plot = MmuPlotSchema.parse(
      JSON.parse(readFileSync('src/assets/trace-views/mmu.json', 'utf8')),
    );
    expect(Math.round(plot.xMax / 1e6)).toBe(Math.round(capture.mmuPlotMs[1]));
  });

  for (const f of chapter4) {
    test(`${f.path}: the trace section shows the three captures and quotes their run`, () => {
      expect(chapter4).toHaveLength(2);
      const section = sections(f.text).find((s) =>
        /Reading pprof|#reading-pprof-and-the-execution-trace/.test(s.heading),
      );
      expect(section, 'no pprof/trace section').toBeDefined();
      // Prettier wraps captions; a line break renders as a space.
      const body = (section?.body ?? '').replace(/\s+/g, ' ');
      for (const view of VIEWS) expect(f.text).toContain(`src/assets/trace-views/${view}`);
      expect(body.match(/<Figure src=\{trace(Overview|Assist|Mmu)\}/g)).toHaveLength(3);
      // The captions quote the capture: toolchain, date, GOMAXPROCS, load, cycles, MMU range.
      expect(body).toContain(capture.goVersion);
      expect(body).toContain(capture.capturedAt);
      expect(body).toContain(`GOMAXPROCS=${capture.gomaxprocs}`);
      expect(body).toContain(`${Math.round(capture.loadAverage)}`);
      expect(body).toMatch(new RegExp(`\\b${capture.gcCycles} (in|轮)`));
      expect(body).toMatch(new RegExp(`1 (to|到) ${Math.round(capture.mmuPlotMs[1])} ms`));
      expect(body).toMatch(new RegExp(`\\b${Math.round(capture.mmuZeroUpToMs)} ms`));
    });
  }
});
