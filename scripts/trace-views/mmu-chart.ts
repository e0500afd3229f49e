/**
 * An HTML page drawing the minimum-mutator-utilization curve that `go tool trace` serves at
 * `/mmu?mode=plot`. The viewer's own /mmu page draws the same JSON with Google Charts loaded from
 * gstatic.com, which an offline machine cannot reach; this draws the numbers it returns, nothing
 * else, on the same axes (log window duration, utilization 0–1), and says on the chart who drew it.
 */
import { z } from 'zod';

/** The JSON of `/mmu?mode=plot` (internal/trace/traceviewer/mmu.go, HandlePlot). */
export const MmuPlotSchema = z.object({
  xMin: z.number().int().positive(),
  xMax: z.number().int().positive(),
  quantiles: z.array(z.number()).nullable(),
  /** [window in ns, minimum mutator utilization] × 100 windows. */
  curve: z.array(z.tuple([z.number().positive(), z.number().min(0).max(1)])).min(2),
});
export type MmuPlot = z.infer<typeof MmuPlotSchema>;

const W = 900;
const H = 500;
const PAD = { left: 80, right: 30, top: 50, bottom: 90 };

/** "10µs", "1ms", "100ms" — the viewer's niceDuration. */
function niceDuration(ns: number): string {
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${ns / 1e3}µs`;
  if (ns < 1e9) return `${ns / 1e6}ms`;
  return `${ns / 1e9}s`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function mmuChartHtml(plot: MmuPlot, subtitle: string, credit: string): string {
  const logMin = Math.log10(plot.xMin);
  const logMax = Math.log10(plot.xMax);
  const x = (ns: number) =>
    PAD.left + ((Math.log10(ns) - logMin) / (logMax - logMin)) * (W - PAD.left - PAD.right);
  const y = (u: number) => H - PAD.bottom - u * (H - PAD.top - PAD.bottom);
  const path = plot.curve
    .map(([ns, u], i) => `${i === 0 ? 'M' : 'L'}${x(ns).toFixed(1)},${y(u).toFixed(1)}`)
    .join(' ');
  const xTicks: string[] = [];
  // The viewer's ticks: xMin, then ×10 up to xMax.
  for (let v = plot.xMin; v <= plot.xMax; v *= 10)
    xTicks.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${PAD.top}" y2="${H - PAD.bottom}" class="grid"/>` +
        `<text x="${x(v)}" y="${H - PAD.bottom + 20}" text-anchor="middle">${niceDuration(v)}</text>`,
    );
  const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (u) =>
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(u)}" y2="${y(u)}" class="grid"/>` +
      `<text x="${PAD.left - 8}" y="${y(u) + 4}" text-anchor="end">${u.toFixed(1)}</text>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: 'DejaVu Sans', sans-serif; }
svg text { font-size: 13px; fill: #222; }
.grid { stroke: #ddd; stroke-width: 1; }
.axis { stroke: #444; stroke-width: 1; }
.curve { fill: none; stroke: #3366cc; stroke-width: 2.5; }
.title { font-size: 16px; font-weight: bold; }
.note { font-size: 12px; fill: #555; }
</style></head><body>
<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<text x="${PAD.left}" y="22" class="title">Minimum mutator utilization</text>
<text x="${PAD.left}" y="40" class="note">${esc(subtitle)}</text>
${xTicks.join('\n')}
${yTicks.join('\n')}
<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}" class="axis"/>
<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" class="axis"/>
<path d="${path}" class="curve"/>
<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - PAD.bottom + 42}" text-anchor="middle">Window duration (log scale)</text>
<text transform="translate(20 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle">Minimum mutator utilization</text>
<text x="${PAD.left}" y="${H - 12}" class="note">${esc(credit)}</text>
</svg></body></html>`;
}
