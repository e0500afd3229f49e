import type { AnalyzeResponse, Killed, RunResult } from '@go-memory-lab/sandbox-api/protocol';
import { pauseMs } from '@go-memory-lab/sandbox-api/gc';
import { gcChartGeometry, type Point } from '../../lib/results/gc-chart.ts';
import { esc } from './html.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

function stream(label: string, t: RunResult['stdout'], locale: Locale): string {
  if (t.text === '') return '';
  const note = t.truncated
    ? `<p class="sn-note">${esc(translator(locale)('run.outputCut'))}</p>`
    : '';
  return `<h4>${label}</h4><pre class="sn-out" tabindex="0">${esc(t.text)}</pre>${note}`;
}

/** Bytes as the sandbox words its limits: whole MiB from 1 MiB up, else bytes. */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}

/** Why the sandbox stopped a step, worded from the catalogue (the wire's `killed` code). */
export function killedText(k: Killed, locale: Locale = 'en'): string {
  const tr = translator(locale);
  const limit =
    k.limit === undefined
      ? '?'
      : k.code === 'time'
        ? `${k.limit / 1000} s`
        : k.code === 'pids'
          ? String(k.limit)
          : size(k.limit);
  return tr(`killed.${k.code}`, { step: tr(`killed.step.${k.step}`), limit });
}

/** Program output: stdout, stderr, and why the program stopped when it did not exit cleanly. */
export function renderRun(run: RunResult, locale: Locale = 'en'): string {
  const tr = translator(locale);
  const reasons: string[] = [];
  if (run.timedOut) reasons.push(tr('run.timedOut'));
  if (run.outOfMemory) reasons.push(tr('run.oom'));
  if (reasons.length === 0 && run.killed) reasons.push(killedText(run.killed, locale));
  else if (run.killedReason && reasons.length === 0) reasons.push(run.killedReason);
  if (reasons.length === 0 && run.exitCode !== null && run.exitCode !== 0)
    reasons.push(tr('run.exit', { code: run.exitCode }));
  if (run.signal && reasons.length === 0) reasons.push(tr('run.signal', { signal: run.signal }));
  const body =
    stream(tr('run.stdout'), run.stdout, locale) + stream(tr('run.stderr'), run.stderr, locale);
  return `${reasons.map((r) => `<p class="sn-warn">${esc(r)}</p>`).join('')}${
    body || `<p class="sn-empty">${esc(tr('run.empty'))}</p>`
  }<p class="sn-note">${esc(tr('run.took', { wall: Math.round(run.wallMs), cpu: Math.round(run.cpuMs) }))}</p>`;
}

const poly = (ps: readonly Point[]) =>
  ps.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/** Hand-rolled SVG: heap start/end/goal lines over cycles, and pause bars below. */
export function renderGcChart(
  gc: NonNullable<AnalyzeResponse['gc']>,
  locale: Locale = 'en',
): string {
  const tr = translator(locale);
  const g = gcChartGeometry(gc.cycles);
  const tick = (t: { y: number; label: string }) =>
    `<line x1="${g.plotLeft}" x2="${g.plotRight}" y1="${t.y}" y2="${t.y}" class="sn-grid"/><text x="${g.plotLeft - 4}" y="${t.y + 4}" text-anchor="end">${esc(t.label)}</text>`;
  const dots = (ps: readonly Point[], cls: string) =>
    ps
      .map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="2.5" class="${cls}"/>`)
      .join('');
  return `<div class="sn-gc-scroll" tabindex="0"><svg class="sn-gc-chart" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="${esc(tr('gc.chartLabel', { n: gc.cycles.length }))}">
${g.heap.ticks.map(tick).join('')}${g.pause.ticks.map(tick).join('')}
<polyline points="${poly(g.heap.goal)}" class="sn-goal"/><polyline points="${poly(g.heap.start)}" class="sn-start"/><polyline points="${poly(g.heap.end)}" class="sn-end"/>
${dots(g.heap.start, 'sn-start')}${dots(g.heap.end, 'sn-end')}
${g.pause.bars.map((b) => `<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" class="sn-pause"><title>${esc(tr('gc.pauseTitle', { n: b.n, ms: b.ms.toFixed(3) }))}</title></rect>`).join('')}
${g.xLabels.map((l) => `<text x="${l.x.toFixed(1)}" y="${g.height - 4}" text-anchor="middle">${esc(l.label)}</text>`).join('')}
<text x="${g.plotRight}" y="${g.pause.top - 8}" text-anchor="end">${esc(tr('gc.pauseAxis'))}</text><text x="${g.plotRight}" y="${g.heap.top + 4}" text-anchor="end">${esc(tr('gc.heapAxis'))}</text>
</svg></div>
<p class="sn-legend"><span class="sn-key sn-start"></span>${esc(tr('gc.legendStart'))} <span class="sn-key sn-end"></span>${esc(tr('gc.legendEnd'))} <span class="sn-key sn-goal"></span>${esc(tr('gc.legendGoal'))} <span class="sn-key sn-pause"></span>${esc(tr('gc.legendPause'))}</p>`;
}

/** GC cycles: summary, chart and the per-cycle table. */
export function renderGc(
  gc: NonNullable<AnalyzeResponse['gc']>,
  run?: RunResult,
  locale: Locale = 'en',
): string {
  const tr = translator(locale);
  const s = gc.summary;
  const cut =
    gc.cutShort === undefined
      ? ''
      : `<p class="sn-note">${tr('gc.cutShortHtml', { n: esc(/^gc (\d+)/.exec(gc.cutShort)?.[1] ?? '?'), line: esc(gc.cutShort) })}</p>`;
  if (gc.cycles.length === 0) return `<p class="sn-empty">${esc(tr('gc.none'))}</p>${cut}`;
  const rows = gc.cycles
    .map(
      (c) =>
        `<tr><td>${c.n}${c.forced ? ` ${esc(tr('gc.forced'))}` : ''}</td><td>${c.atSeconds.toFixed(3)}</td><td>${c.heapMB.start}</td><td>${c.heapMB.end}</td><td>${c.heapMB.live}</td><td>${c.goalMB}</td><td>${pauseMs(c).toFixed(3)}</td><td>${c.cpuPercent}</td></tr>`,
    )
    .join('');
  const summary = tr('gc.summary', {
    cycles: s.cycles,
    forced: s.forcedCycles,
    total: s.totalPauseMs.toFixed(3),
    max: s.maxPauseMs.toFixed(3),
    peak: s.peakHeapMB,
    cpu: s.gcCpuPercent,
  });
  return `<p>${esc(summary)}</p>
<p class="sn-note">${esc(tr(run?.outOfMemory ? 'gc.peakHeapOom' : 'gc.peakHeapNote'))}</p>
${cut}${renderGcChart(gc, locale)}
<div class="sn-scroll" tabindex="0"><table class="sn-table"><caption>${esc(tr('gc.caption'))}</caption><thead><tr><th scope="col">#</th>${(['gc.colAt', 'gc.colStart', 'gc.colEnd', 'gc.colLive', 'gc.colGoal', 'gc.colPause', 'gc.colCpu'] as const).map((k) => `<th scope="col">${esc(tr(k))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Lets a long benchmark name wrap after its `Benchmark` prefix on a phone, not mid-word. */
function breakable(name: string): string {
  return esc(name).replace(/^Benchmark(?=.)/, 'Benchmark<wbr>');
}

/** Memory columns first: they are what the site teaches, and they stay in view on a phone. */
export function renderBench(
  bench: NonNullable<AnalyzeResponse['bench']>,
  locale: Locale = 'en',
): string {
  const tr = translator(locale);
  if (bench.results.length === 0)
    return `<p class="sn-empty">${esc(tr(bench.passed ? 'bench.none' : 'bench.noneFailed'))}</p>`;
  const rows = bench.results
    .map(
      (b) =>
        `<tr><th scope="row"><code>${breakable(b.name)}</code></th><td>${b.allocsPerOp ?? '–'}</td><td>${b.bytesPerOp ?? '–'}</td><td>${b.nsPerOp}</td><td>${b.iterations}</td></tr>`,
    )
    .join('');
  return `<div class="sn-scroll" tabindex="0"><table class="sn-table"><caption>go test -bench . -benchmem${bench.passed ? '' : ` ${esc(tr('bench.failed'))}`}</caption><thead><tr><th scope="col">${esc(tr('bench.colName'))}</th><th scope="col">allocs/op</th><th scope="col">B/op</th><th scope="col">ns/op</th><th scope="col">${esc(tr('bench.colRuns'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
