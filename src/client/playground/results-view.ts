/**
 * The result panels for one run, the same ones the chapter snippets show (their renderers are
 * shared), plus the live stack-or-heap diagram for the selected decision.
 */
import type { AnalyzeResponse, Decision } from '@go-memory-lab/sandbox-api/protocol';
import { CATEGORIES } from '../../lib/results/classify.ts';
import { buildStackOrHeapDiagram, pickDiagramSubject } from '../../lib/results/diagram.ts';
import { decisionsInFiles } from '../../lib/results/filter.ts';
import { sameFile } from '../../lib/results/same-file.ts';
import { decisionKey } from '../../components/snippet/render-decisions.ts';
import { renderResultSlots, type ResultOrigin } from '../../components/snippet/render-result.ts';
import { renderMermaid } from '../mermaid.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

export interface ResultsViewOptions {
  /** Called when the reader picks a decision or an error: reveal that line in the editor. */
  onGoto: (file: string | undefined, line: number) => void;
}

function section(title: string, html: string, open = true): string {
  if (!html) return '';
  return `<details class="pg-section"${open ? ' open' : ''}><summary>${title}</summary><div>${html}</div></details>`;
}

export class ResultsView {
  private result: AnalyzeResponse | undefined;
  private drawn: Decision | undefined;
  private readonly root: HTMLElement;
  private readonly opts: ResultsViewOptions;

  constructor(root: HTMLElement, opts: ResultsViewOptions) {
    this.root = root;
    this.opts = opts;
    root.addEventListener('click', (ev) => {
      const target = (ev.target as Element).closest<HTMLElement>('[data-line]');
      if (!target || !(target instanceof HTMLButtonElement)) return;
      const key = target.dataset['key'];
      const d = key ? this.result?.decisions.find((x) => decisionKey(x) === key) : undefined;
      if (d) void this.drawDiagram(d);
      this.opts.onGoto(
        d?.file ?? target.closest<HTMLElement>('[data-file]')?.dataset['file'],
        Number(target.dataset['line']),
      );
    });
  }

  /**
   * What changed since the shown result was produced (staleNotice), or '' when it is current:
   * the same rule and words as a chapter snippet.
   */
  setStale(text: string): void {
    const box = this.root.querySelector<HTMLElement>('[data-stale]');
    if (box) box.textContent = text;
  }

  /** A message in place of results (running, unreachable sandbox, …); `busy` sets aria-busy. */
  status(html: string, busy = false): void {
    this.root.setAttribute('aria-busy', String(busy));
    const box = this.root.querySelector('[data-status]');
    if (box) box.innerHTML = html;
    else
      this.root.insertAdjacentHTML(
        'afterbegin',
        `<div class="pg-status" data-status>${html}</div>`,
      );
  }

  /** A failure in plain text (never parsed as HTML), above whatever result is shown. */
  error(text: string): void {
    this.status('<p class="pg-error" role="alert"></p>');
    const p = this.root.querySelector('[data-status] .pg-error');
    if (p) p.textContent = text;
  }

  show(r: AnalyzeResponse, origin: ResultOrigin, files: readonly string[]): void {
    this.result = r;
    this.drawn = undefined;
    const s = renderResultSlots(r, origin, files, new Set(CATEGORIES));
    const tr = translator(documentLocale());
    this.root.setAttribute('aria-busy', 'false');
    this.root.innerHTML = `<div class="pg-status" data-status></div>
<p class="pg-stale" role="status" data-stale></p>
<p class="pg-meta">${s.meta}</p>${s.errors}
${section(tr('snippet.decisions'), s.decisions)}
<details class="pg-section" open><summary>${tr('snippet.diagram')}</summary><div class="pg-diagram" data-diagram><p class="pg-note">${tr('play.pickDecision')}</p></div></details>
${section(tr('snippet.output'), s.output)}${section(tr('play.gcSection'), s.gc)}${section(tr('play.benchmarks'), s.bench)}
${section(tr('snippet.raw'), s.raw, false)}`;
    const first = pickDiagramSubject(decisionsInFiles(r.decisions, files));
    if (first) void this.drawDiagram(first);
  }

  /**
   * The reader's cursor moved to `line` of `file`: draw the decision there (heap first), unless
   * the diagram already shows one on that line.
   */
  selectLine(file: string, line: number): void {
    if (!this.result || (this.drawn?.line === line && sameFile(this.drawn.file, file))) return;
    const here = this.result.decisions.filter((d) => d.line === line && sameFile(d.file, file));
    const d = pickDiagramSubject(here);
    if (d) void this.drawDiagram(d);
  }

  private async drawDiagram(d: Decision): Promise<void> {
    this.drawn = d;
    const box = this.root.querySelector<HTMLElement>('[data-diagram]');
    if (!box || !this.result) return;
    const diagram = buildStackOrHeapDiagram(d, this.result.decisions, { locale: documentLocale() });
    box.dataset['verdict'] = diagram.verdict;
    box.dataset['subject'] = d.subject;
    await renderMermaid(box, diagram.source);
    if (diagram.note) {
      const note = document.createElement('p');
      note.className = 'pg-note';
      note.textContent = diagram.note;
      box.append(note);
    }
  }
}
