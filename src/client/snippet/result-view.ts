import type { AnalyzeResponse, Decision } from '@go-memory-lab/sandbox-api/protocol';
import { decisionKey } from '../../components/snippet/render-decisions.ts';
import { renderResultSlots, type ResultOrigin } from '../../components/snippet/render-result.ts';
import { t } from '../../i18n/t.ts';
import type { Category } from '../../lib/results/classify.ts';
import { pickDiagramSubject } from '../../lib/results/diagram.ts';
import { decisionsInFiles } from '../../lib/results/filter.ts';
import { decisionsToMarks, errorsToMarks } from '../../lib/results/marks.ts';
import { staleReasons } from '../../lib/results/result-freshness.ts';
import { sameFile } from '../../lib/results/same-file.ts';
import { staleNotice } from '../../lib/results/stale-notice.ts';
import { createDiagramView } from './diagram-view.ts';
import { readToolbar } from './request.ts';
import { slot } from '../slot.ts';
import { type SnippetContext } from './snippet-context.ts';

/** The shown result of a snippet and everything drawn from it: panels, marks, the diagram. */
export interface ResultView {
  result(): AnalyzeResponse | undefined;
  origin(): ResultOrigin;
  /** Decisions about the snippet's own files in the shown result. */
  visibleDecisions(): Decision[];
  applyResult(r: AnalyzeResponse | undefined, from: ResultOrigin): void;
  refreshFreshness(): void;
  /** Selects a decision: its line flashes and the diagram shows it. */
  select(d: Decision): void;
  flash(line: number, file?: string): void;
  /** The decision categories whose filter box is ticked. */
  shown(): Set<Category>;
  /** Redraws the diagram of the selected decision (the theme changed). */
  redrawDiagram(): void;
}

export function createResultView(ctx: SnippetContext): ResultView {
  const { root, config, locale, names, editors } = ctx;
  /** Says, next to the result, what changed since it was produced (empty when it is current). */
  const staleBox = slot(root, 'stale');
  let result: AnalyzeResponse | undefined = config.recorded;
  let origin: ResultOrigin = 'recorded';
  let selected: string | undefined = config.subject;
  /** Whether the shown result was drawn as current (marks, diagram) or taken down as stale. */
  let drawnStale = false;

  const shown = (): Set<Category> =>
    new Set(
      [...root.querySelectorAll<HTMLInputElement>('input[name="filter"]')]
        .filter((i) => i.checked)
        .map((i) => i.value as Category),
    );

  const diagramEl = slot(root, 'diagram');
  let noteEl = root.querySelector<HTMLElement>('[data-slot="diagram-note"]');
  if (!noteEl) {
    noteEl = document.createElement('p');
    noteEl.className = 'sn-note';
    noteEl.dataset['slot'] = 'diagram-note';
    diagramEl.after(noteEl);
  }
  const showDiagram = createDiagramView(diagramEl, slot(root, 'diagram-caption'), noteEl, (line) =>
    flash(line),
  );

  const visibleDecisions = (): Decision[] =>
    result ? decisionsInFiles(result.decisions, names) : [];

  function flash(line: number, file?: string): void {
    const name = file ?? activeFile();
    for (const [n, ed] of editors) ed.flash(n === name ? line : null);
  }

  function activeFile(): string {
    return (
      root.querySelector<HTMLElement>('.sn-editor:not([hidden])')?.dataset['file'] ?? names[0]!
    );
  }

  function markPressed(): void {
    for (const b of root.querySelectorAll<HTMLElement>('.sn-pick')) {
      b.setAttribute('aria-pressed', b.dataset['key'] === selected ? 'true' : 'false');
    }
  }

  function select(d: Decision): void {
    selected = decisionKey(d);
    markPressed();
    flash(d.line, d.file);
    void showDiagram(d, visibleDecisions());
  }

  /**
   * The one rule (src/lib/results/result-freshness.ts): compare the shown result's request with
   * the code and options on screen. Differences are named next to the result; marks and the
   * diagram, which point at lines of the code that was compiled, come down on a code edit and
   * come back when the code is the compiled code again (undo).
   */
  function refreshFreshness(): void {
    if (!result) {
      delete root.dataset['stale'];
      staleBox.textContent = '';
      return;
    }
    const reasons = staleReasons(
      result.request,
      ctx.currentFiles(),
      readToolbar(root, config.knobs),
    );
    staleBox.textContent = staleNotice(locale, reasons);
    if (reasons.length) root.dataset['stale'] = reasons.join(' ');
    else delete root.dataset['stale'];
    const codeStale = reasons.includes('code');
    if (codeStale && !drawnStale) {
      drawnStale = true;
      for (const ed of editors.values()) ed.setMarks({ decisions: [], errors: [] });
      void showDiagram(undefined, [], t(locale, 'result.stale.diagram'));
    } else if (!codeStale && drawnStale) {
      applyResult(result, origin);
    }
  }

  function applyResult(r: AnalyzeResponse | undefined, from: ResultOrigin): void {
    result = r;
    origin = from;
    root.dataset['origin'] = from;
    drawnStale = false;
    if (!r) return refreshFreshness();
    const slots = renderResultSlots(r, from, names, shown(), locale);
    for (const [name, html] of Object.entries(slots) as [string, string][]) {
      slot(root, name).innerHTML = html;
      const box = root.querySelector<HTMLElement>(`[data-slot="${name}-box"]`);
      if (box) box.hidden = html === '';
    }
    for (const [name, ed] of editors) {
      const sent = r.request.files.find((f) => sameFile(f.name, name))?.content;
      const text = ed.text();
      // Positions belong to the code that was compiled; on other code they would point at
      // the wrong tokens, so a stale result is listed but not drawn.
      if (sent !== text) {
        ed.setMarks({ decisions: [], errors: [] });
        continue;
      }
      const doc = { file: name, text };
      ed.setMarks({
        decisions: decisionsToMarks(visibleDecisions(), doc),
        errors: errorsToMarks(r.compileErrors, doc),
      });
    }
    const all = visibleDecisions();
    const keep = all.find((d) => decisionKey(d) === selected);
    const subject = keep ?? pickDiagramSubject(all, config.focus);
    selected = subject ? decisionKey(subject) : undefined;
    markPressed();
    if (r.ok) void showDiagram(subject, all);
    else void showDiagram(undefined, [], t(locale, 'result.noDiagramCompileError'));
    refreshFreshness();
  }

  return {
    result: () => result,
    origin: () => origin,
    visibleDecisions,
    applyResult,
    refreshFreshness,
    select,
    flash,
    shown,
    redrawDiagram() {
      const d = visibleDecisions().find((x) => decisionKey(x) === selected);
      if (d) void showDiagram(d, visibleDecisions());
    },
  };
}
