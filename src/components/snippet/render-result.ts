import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import type { Category } from '../../lib/results/classify.ts';
import { decisionsInFiles } from '../../lib/results/filter.ts';
import { t } from '../../i18n/t.ts';
import { esc } from './html.ts';
import { renderDecisionList } from './render-decisions.ts';
import { renderBench, renderGc, renderRun } from './render-run.ts';
import { documentLocale, pathInLocale, type Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

/** Where a result came from: the file recorded at build time, or a run just now. */
export type ResultOrigin = 'recorded' | 'live';

/** HTML for each slot of the results area; an empty string hides the slot. */
export interface ResultSlots {
  meta: string;
  /** The note above the diagram: what the compiler flags of this result can show. */
  intro: string;
  errors: string;
  decisions: string;
  output: string;
  gc: string;
  bench: string;
  raw: string;
}

/** The runtime knobs a result ran with, so its label names every option that produced it. */
function envLabel(env: AnalyzeResponse['request']['env']): string {
  const set = Object.entries(env).filter(([, v]) => v !== undefined && v !== '');
  return set.map(([k, v]) => ` · <code>${esc(k)}=${esc(String(v))}</code>`).join('');
}

export function renderResultSlots(
  r: AnalyzeResponse,
  origin: ResultOrigin,
  files: readonly string[],
  shown: ReadonlySet<Category>,
  // In the browser the page's <html lang> decides; at build time the caller passes it.
  locale: Locale = documentLocale(),
  /**
   * The server's recorded view: only what is on screen before the editor loads. Hidden
   * decisions are left out (see renderDecisionList), and the collapsed raw output is a link to
   * the same text as a file (`rawHref`); the controller draws both in full when it mounts.
   */
  firstPaint?: { rawHref: string | undefined },
): ResultSlots {
  const tr = translator(locale);
  const mode = esc(tr(`result.mode.${r.request.mode}`));
  const meta = `<strong>${esc(tr(origin === 'recorded' ? 'result.recorded' : 'result.live'))}</strong> · ${esc(r.toolchain.version)} ${esc(r.toolchain.goos)}/${esc(r.toolchain.goarch)} · <code>${esc(r.gcflags)}</code> · ${mode}${envLabel(r.request.env)}${r.cached && origin === 'live' ? ` · ${esc(tr('result.fromCache'))}` : ''}`;
  const errors = r.compileErrors.length
    ? `<p class="sn-warn">${esc(tr('result.noCompile'))}</p><ul class="sn-errors">${r.compileErrors
        .map(
          (e) =>
            `<li><button type="button" class="sn-goto" data-line="${e.line}">${esc(e.file)}:${e.line}${e.column ? `:${e.column}` : ''}</button> ${esc(e.message)}</li>`,
        )
        .join('')}</ul>`
    : '';
  return {
    meta,
    intro: esc(
      t(locale, r.request.escapeDetail === 2 ? 'snippet.intro.flow' : 'snippet.intro.noFlow'),
    ),
    errors,
    decisions: r.ok
      ? renderDecisionList(
          decisionsInFiles(r.decisions, files),
          shown,
          pathInLocale('/glossary', locale),
          locale,
          firstPaint !== undefined,
        )
      : '',
    output: r.run ? renderRun(r.run, locale) : '',
    gc: r.gc ? renderGc(r.gc, r.run, locale) : '',
    bench: r.bench ? renderBench(r.bench, locale) : '',
    raw: !r.compilerOutput.text
      ? `<p class="sn-empty">${esc(tr('result.rawEmpty'))}</p>`
      : firstPaint?.rawHref
        ? `<p class="sn-note"><a href="${esc(firstPaint.rawHref)}">${esc(tr('result.rawOpen'))}</a></p>`
        : `<pre class="sn-out" tabindex="0">${esc(r.compilerOutput.text)}</pre>${r.compilerOutput.truncated ? `<p class="sn-note">${esc(tr('result.rawCut'))}</p>` : ''}`,
  };
}
