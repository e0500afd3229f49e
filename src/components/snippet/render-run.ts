import type { AnalyzeResponse, RunResult } from '../../../sandbox-api/src/protocol.ts';
import { gcChartGeometry, pauseMs, type Point } from '../../lib/results/gc-chart.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { esc } from './html.ts';

function stream(label: string, t: RunResult['stdout']): string {
  if (t.text === '') return '';
  const note = t.truncated ? '<p class="sn-note">Output was cut off at the sandbox limit.</p>' : '';
  return `<h4>${label}</h4><pre class="sn-out" tabindex="0">${esc(t.text)}</pre>${note}`;
}

/** Program output: stdout, stderr, and why the program stopped when it did not exit cleanly. */
export function renderRun(run: RunResult): string {
  const reasons: string[] = [];
  if (run.timedOut) reasons.push('The program ran too long and was stopped (time limit).');
  if (run.outOfMemory)
    reasons.push('The program used more memory than the sandbox allows and was stopped.');
  if (run.killedReason && reasons.length === 0) reasons.push(run.killedReason);
  if (reasons.length === 0 && run.exitCode !== null && run.exitCode !== 0)
    reasons.push(`The program exited with status ${run.exitCode}.`);
  if (run.signal && reasons.length === 0) reasons.push(`The program was stopped by ${run.signal}.`);
  const body = stream('Standard output', run.stdout) + stream('Standard error', run.stderr);
  return `${reasons.map((r) => `<p class="sn-warn">${esc(r)}</p>`).join('')}${
    body || '<p class="sn-empty">The program printed nothing.</p>'
  }<p class="sn-note">Ran in ${Math.round(run.wallMs)} ms wall, ${Math.round(run.cpuMs)} ms CPU.</p>`;
}

const poly = (ps: readonly Point[]) =>
  ps.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/** Hand-rolled SVG: heap start/end/goal lines over cycles, and pause bars below. */
export function renderGcChart(gc: NonNullable<AnalyzeResponse['gc']>): string {
  const g = gcChartGeometry(gc.cycles);
  const tick = (t: { y: number; label: string }) =>
    `<line x1="${g.plotLeft}" x2="${g.plotRight}" y1="${t.y}" y2="${t.y}" class="sn-grid"/><text x="${g.plotLeft - 4}" y="${t.y + 4}" text-anchor="end">${esc(t.label)}</text>`;
  const dots = (ps: readonly Point[], cls: string) =>
    ps
      .map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="2.5" class="${cls}"/>`)
      .join('');
  return `<div class="sn-gc-scroll" tabindex="0"><svg class="sn-gc-chart" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="Heap size at GC start and end, heap goal, and stop-the-world pause for each of ${gc.cycles.length} GC cycles">
${g.heap.ticks.map(tick).join('')}${g.pause.ticks.map(tick).join('')}
<polyline points="${poly(g.heap.goal)}" class="sn-goal"/><polyline points="${poly(g.heap.start)}" class="sn-start"/><polyline points="${poly(g.heap.end)}" class="sn-end"/>
${dots(g.heap.start, 'sn-start')}${dots(g.heap.end, 'sn-end')}
${g.pause.bars.map((b) => `<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" class="sn-pause"><title>GC ${b.n}: ${b.ms.toFixed(3)} ms pause</title></rect>`).join('')}
${g.xLabels.map((l) => `<text x="${l.x.toFixed(1)}" y="${g.height - 4}" text-anchor="middle">${esc(l.label)}</text>`).join('')}
<text x="${g.plotRight}" y="${g.pause.top - 8}" text-anchor="end">stop-the-world pause per cycle</text><text x="${g.plotRight}" y="${g.heap.top + 4}" text-anchor="end">heap per cycle</text>
</svg></div>
<p class="sn-legend"><span class="sn-key sn-start"></span>heap at GC start <span class="sn-key sn-end"></span>heap at GC end <span class="sn-key sn-goal"></span>goal <span class="sn-key sn-pause"></span>pause</p>`;
}

/** GC cycles: summary, chart and the per-cycle table. */
export function renderGc(
  gc: NonNullable<AnalyzeResponse['gc']>,
  run?: RunResult,
  locale: Locale = 'en',
): string {
  const s = gc.summary;
  const cut =
    gc.cutShort === undefined
      ? ''
      : `<p class="sn-note">The program exited while the runtime was still writing the trace line of cycle ${esc(/^gc (\d+)/.exec(gc.cutShort)?.[1] ?? '?')}, so it is not in the table: <code>${esc(gc.cutShort)}</code>. Something that stops the world before exiting (for example <code>runtime.ReadMemStats</code>) lets the line finish.</p>`;
  if (gc.cycles.length === 0)
    return `<p class="sn-empty">No GC cycle ran: the heap never reached its goal.</p>${cut}`;
  const rows = gc.cycles
    .map(
      (c) =>
        `<tr><td>${c.n}${c.forced ? ' (forced)' : ''}</td><td>${c.atSeconds.toFixed(3)}</td><td>${c.heapMB.start}</td><td>${c.heapMB.end}</td><td>${c.heapMB.live}</td><td>${c.goalMB}</td><td>${pauseMs(c).toFixed(3)}</td><td>${c.cpuPercent}</td></tr>`,
    )
    .join('');
  return `<p>${s.cycles} cycles (${s.forcedCycles} forced), total pause ${s.totalPauseMs.toFixed(3)} ms, longest ${s.maxPauseMs.toFixed(3)} ms, peak heap ${s.peakHeapMB} MB, GC CPU ${s.gcCpuPercent}%.</p>
<p class="sn-note">${esc(t(locale, run?.outOfMemory ? 'gc.peakHeapOom' : 'gc.peakHeapNote'))}</p>
${cut}${renderGcChart(gc)}
<div class="sn-scroll" tabindex="0"><table class="sn-table"><caption>GC cycles from gctrace</caption><thead><tr><th scope="col">#</th><th scope="col">at (s)</th><th scope="col">heap start (MB)</th><th scope="col">heap end (MB)</th><th scope="col">live (MB)</th><th scope="col">goal (MB)</th><th scope="col">pause (ms)</th><th scope="col">GC CPU %</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Lets a long benchmark name wrap after its `Benchmark` prefix on a phone, not mid-word. */
function breakable(name: string): string {
  return esc(name).replace(/^Benchmark(?=.)/, 'Benchmark<wbr>');
}

/** Memory columns first: they are what the site teaches, and they stay in view on a phone. */
export function renderBench(bench: NonNullable<AnalyzeResponse['bench']>): string {
  if (bench.results.length === 0)
    return `<p class="sn-empty">No benchmark result${bench.passed ? '' : ': the tests failed'}.</p>`;
  const rows = bench.results
    .map(
      (b) =>
        `<tr><th scope="row"><code>${breakable(b.name)}</code></th><td>${b.allocsPerOp ?? '–'}</td><td>${b.bytesPerOp ?? '–'}</td><td>${b.nsPerOp}</td><td>${b.iterations}</td></tr>`,
    )
    .join('');
  return `<div class="sn-scroll" tabindex="0"><table class="sn-table"><caption>go test -bench . -benchmem${bench.passed ? '' : ' (tests failed)'}</caption><thead><tr><th scope="col">benchmark</th><th scope="col">allocs/op</th><th scope="col">B/op</th><th scope="col">ns/op</th><th scope="col">runs</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
