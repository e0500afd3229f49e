/**
 * Driving `go tool trace`'s timeline page (the catapult trace viewer it embeds) from
 * playwright-core: wait for the trace to load, read its GC slices, zoom, select a slice. Used by
 * scripts/capture-trace-views.ts; the viewer's objects are reached through the page's globals
 * (`tr`, `#trace-viewer`) because its timeline is drawn on canvas, not in the DOM.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';

const SliceSchema = z.object({ start: z.number(), duration: z.number(), title: z.string() });
const ModelSchema = z.object({
  min: z.number(),
  max: z.number(),
  marks: z.array(SliceSchema),
  stws: z.array(SliceSchema),
  assists: z.array(SliceSchema),
});
type Slice = z.infer<typeof SliceSchema>;

/** Times are the viewer's world units, milliseconds since the trace started. */
export async function readModel(page: Page) {
  await page.waitForFunction(
    () => {
      const v = document.getElementById('trace-viewer') as unknown as TraceViewer | null;
      return v?.model !== undefined && !v.model.bounds.isEmpty;
    },
    null,
    { timeout: 300_000, polling: 500 },
  );
  const m = ModelSchema.parse(
    await page.evaluate(() => {
      const v = document.getElementById('trace-viewer') as unknown as TraceViewer;
      const all = v.model.getAllThreads().flatMap((t) => t.sliceGroup.slices);
      const pick = (f: (title: string) => boolean) =>
        all
          .filter((s) => f(s.title))
          .map((s) => ({ start: s.start, duration: s.duration, title: s.title }));
      return {
        min: v.model.bounds.min,
        max: v.model.bounds.max,
        marks: pick((t) => t === 'GC concurrent mark phase'),
        stws: pick((t) => t.startsWith('stop-the-world (GC')),
        assists: pick((t) => t === 'GC mark assist'),
      };
    }),
  );
  for (const list of [m.marks, m.stws, m.assists]) list.sort((a, b) => a.start - b.start);
  return m;
}

/** The catapult viewer's objects this script touches (trace_viewer_full.html). */
interface TraceSlice {
  start: number;
  duration: number;
  title: string;
}
interface TraceViewer {
  model: {
    bounds: { isEmpty: boolean; min: number; max: number };
    getAllThreads(): { sliceGroup: { slices: TraceSlice[] } }[];
  };
  trackView: {
    viewport: {
      currentDisplayTransform: unknown;
      setDisplayTransformImmediately(dt: unknown): void;
    };
    modelTrackContainer_: { canvas: { width: number } };
  };
  brushingStateController: { changeSelectionFromTimeline(set: unknown): void };
}

/** Shows world range [a, b] ms across the timeline, as the viewer's own zoom would. */
export async function zoomTo(page: Page, a: number, b: number): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const v = document.getElementById('trace-viewer') as unknown as TraceViewer;
      const tr = (window as unknown as { tr: { ui: { TimelineDisplayTransform: new () => DT } } })
        .tr;
      interface DT {
        set(o: unknown): void;
        xSetWorldBounds(a: number, b: number, w: number): void;
      }
      const dt = new tr.ui.TimelineDisplayTransform();
      dt.set(v.trackView.viewport.currentDisplayTransform);
      dt.xSetWorldBounds(a, b, v.trackView.modelTrackContainer_.canvas.width);
      v.trackView.viewport.setDisplayTransformImmediately(dt);
    },
    [a, b] as const,
  );
  await settle(page);
}

/** The timeline redraws on animation frames: wait for two of them. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Selects the assist slice that starts at `start` (ms), as clicking it would. */
export async function selectSlice(page: Page, title: string, start: number): Promise<void> {
  await page.evaluate(
    ([title, start]) => {
      const v = document.getElementById('trace-viewer') as unknown as TraceViewer;
      const tr = (
        window as unknown as { tr: { model: { EventSet: new (e: unknown[]) => unknown } } }
      ).tr;
      const slice = v.model
        .getAllThreads()
        .flatMap((t) => t.sliceGroup.slices)
        .find((s) => s.title === title && s.start === start);
      if (!slice) throw new Error(`no ${title} slice at ${start}`);
      v.brushingStateController.changeSelectionFromTimeline(new tr.model.EventSet([slice]));
    },
    [title, start] as const,
  );
  await settle(page);
}

/**
 * The complete cycle with the most assist time. In the viewer's GC row the mark-phase slice spans
 * the whole cycle: both stop-the-world pauses (sweep termination, mark termination) lie inside it.
 */
export function busiestCycle(m: z.infer<typeof ModelSchema>) {
  const inside = (s: Slice, mark: Slice) =>
    s.start >= mark.start && s.start <= mark.start + mark.duration;
  const scored = m.marks
    .map((mark) => {
      const pauses = m.stws.filter((s) => inside(s, mark));
      const assists = m.assists.filter((s) => inside(s, mark));
      const total = assists.reduce((sum, s) => sum + s.duration, 0);
      return { mark, pauses, assists, total };
    })
    // A cycle the end of the trace cut off has no mark termination.
    .filter((c) => c.pauses.some((p) => p.title.includes('mark termination')));
  const best = scored.sort((a, b) => b.total - a.total)[0];
  if (!best || best.assists.length === 0) throw new Error('no complete cycle with a mark assist');
  const longest = [...best.assists].sort((a, b) => b.duration - a.duration)[0]!;
  return { ...best, from: best.mark.start, to: best.mark.start + best.mark.duration, longest };
}
