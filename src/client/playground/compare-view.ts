/**
 * Compare mode's panels: a Monaco diff of the code (A left, B right), the semantic diff of the
 * compiler's decisions, both runs' heap on one chart, and benchmark deltas.
 */
import type { AnalyzeResponse, PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { benchDeltas, formatPercent } from '../../lib/share/bench-deltas.ts';
import { renderChange } from '../../lib/share/change-text.ts';
import { diffDecisions, type DecisionChange } from '../../lib/share/diff-decisions.ts';
import { gcOverlay } from '../../lib/share/gc-overlay.ts';
import { h, need } from './dom.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';
import type { Monaco } from './monaco.ts';

type DiffEditor = ReturnType<Monaco['editor']['createDiffEditor']>;

/** Both variants' files as one text per side, so a diff shows added and removed files too. */
function joined(
  files: readonly { name: string; content: string }[],
  all: readonly string[],
): string {
  return all
    .map((name) => {
      const f = files.find((x) => x.name === name);
      return f
        ? all.length > 1
          ? `// ---- ${name} ----\n${f.content}`
          : f.content
        : `// ---- ${name} (absent) ----\n`;
    })
    .join('\n');
}

/** What differs in the options: "inlining on → off", "GOGC 50 → 400". */
export function optionChanges(state: PlaygroundState, locale = documentLocale()): string[] {
  const { a, b } = state;
  if (!b) return [];
  const tr = translator(locale);
  const out: string[] = [];
  const cmp = (label: string, x: string, y: string) => x !== y && out.push(`${label}: ${x} → ${y}`);
  const onOff = (on: boolean) => tr(on ? 'play.opt.on' : 'play.opt.off');
  const fallback = tr('play.default');
  cmp(tr('play.opt.mode'), a.mode, b.mode);
  cmp(tr('play.opt.escapeDetail'), `-m=${a.escapeDetail}`, `-m=${b.escapeDetail}`);
  cmp(tr('play.opt.inlining'), onOff(a.inline), onOff(b.inline));
  cmp(tr('play.opt.toolchain'), a.toolchain ?? fallback, b.toolchain ?? fallback);
  for (const k of ['GOGC', 'GOMEMLIMIT', 'GOMAXPROCS', 'GODEBUG', 'GOEXPERIMENT'] as const) {
    cmp(k, a.env[k] ?? fallback, b.env[k] ?? fallback);
  }
  return out;
}

const locale = documentLocale();
const tr = translator(locale);

export class CompareView {
  private diff: DiffEditor | undefined;
  private readonly root: HTMLElement;
  private readonly monaco: Monaco;

  constructor(root: HTMLElement, monaco: Monaco) {
    this.root = root;
    this.monaco = monaco;
  }

  /** Code and option differences; cheap, redrawn on every edit while compare mode is on. */
  showState(state: PlaygroundState): void {
    if (!state.b) return;
    const names = [...new Set([...state.a.files, ...state.b.files].map((f) => f.name))];
    const host = need(this.root, '[data-diff-editor]');
    const { editor } = this.monaco;
    if (!this.diff) {
      this.diff = editor.createDiffEditor(host, {
        readOnly: true,
        originalEditable: false,
        automaticLayout: true,
        renderSideBySide: host.clientWidth > 640,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        renderFinalNewline: 'on',
        originalAriaLabel: tr('play.variantCode', { side: 'A' }),
        modifiedAriaLabel: tr('play.variantCode', { side: 'B' }),
      });
      // The construction options above do not reach the inner editors' input elements (0.57).
      this.diff
        .getOriginalEditor()
        .updateOptions({ ariaLabel: tr('play.variantCode', { side: 'A' }) });
      this.diff
        .getModifiedEditor()
        .updateOptions({ ariaLabel: tr('play.variantCode', { side: 'B' }) });
      this.diff.setModel({
        original: editor.createModel('', 'go'),
        modified: editor.createModel('', 'go'),
      });
    }
    const model = this.diff.getModel();
    model?.original.setValue(joined(state.a.files, names));
    model?.modified.setValue(joined(state.b.files, names));
    const opts = optionChanges(state);
    need(this.root, '[data-option-diff]').replaceChildren(
      ...(opts.length ? opts.map((o) => h('li', {}, o)) : [h('li', {}, tr('play.sameOptions'))]),
    );
  }

  showResults(
    state: PlaygroundState,
    a: AnalyzeResponse | undefined,
    b: AnalyzeResponse | undefined,
  ): void {
    const list = need(this.root, '[data-semantic-diff]');
    if (!a || !b || !state.b) {
      list.replaceChildren(h('li', { class: 'pg-note' }, tr('play.runBoth')));
      need(this.root, '[data-gc-overlay]').replaceChildren();
      need(this.root, '[data-bench-deltas]').replaceChildren();
      return;
    }
    // Each result names the code it was made from: read functions from that, not from the editor.
    const changes = diffDecisions(a.decisions, b.decisions, {
      a: a.request.files,
      b: b.request.files,
    });
    const item = (c: DecisionChange) =>
      h('li', { 'data-change': c.kind }, renderChange(locale, c.sentence));
    // Turning inlining off touches every call; keep those lines folded under the ones about memory.
    const inlining = changes.filter((c) => c.kind.includes('inlin'));
    const memory = changes.filter((c) => !c.kind.includes('inlin'));
    const folded =
      inlining.length > 0
        ? h(
            'li',
            {},
            h(
              'details',
              memory.length === 0 ? { open: '' } : {},
              h(
                'summary',
                {},
                inlining.length > 1
                  ? tr('play.inliningChangesMany', { n: inlining.length })
                  : tr('play.inliningChangesOne'),
              ),
              h('ul', {}, ...inlining.map(item)),
            ),
          )
        : null;
    list.replaceChildren(
      ...memory.map(item),
      ...(folded ? [folded] : []),
      ...(changes.length ? [] : [h('li', {}, tr('play.noDifference'))]),
    );
    this.drawGc(a, b);
    this.drawBench(a, b);
  }

  private drawGc(a: AnalyzeResponse, b: AnalyzeResponse): void {
    const box = need(this.root, '[data-gc-overlay]');
    if (!a.gc?.cycles.length && !b.gc?.cycles.length) {
      box.replaceChildren(h('p', { class: 'pg-note' }, tr('play.noGcCompare')));
      return;
    }
    const o = gcOverlay(a.gc?.cycles ?? [], b.gc?.cycles ?? []);
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `-4 -4 ${o.width + 8} ${o.height + 8}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute(
      'aria-label',
      tr('play.gcOverlayLabel', { a: o.a.cycles, b: o.b.cycles, mb: o.maxMB }),
    );
    svg.classList.add('pg-overlay');
    for (const [side, s] of [
      ['a', o.a],
      ['b', o.b],
    ] as const) {
      for (const [kind, points] of [
        ['heap', s.heap],
        ['goal', s.goal],
      ] as const) {
        const line = document.createElementNS(ns, 'polyline');
        line.setAttribute('points', points);
        line.setAttribute('class', `pg-${side} pg-${kind}`);
        svg.append(line);
      }
    }
    const summary = (r: AnalyzeResponse, label: string) =>
      r.gc
        ? tr('play.gcSideSummary', {
            side: label,
            cycles: r.gc.summary.cycles,
            peak: r.gc.summary.peakHeapMB,
            pause: r.gc.summary.totalPauseMs.toFixed(2),
          })
        : tr('play.gcSideNone', { side: label });
    box.replaceChildren(
      svg,
      h(
        'p',
        { class: 'pg-legend' },
        h('span', { class: 'pg-key-a' }, summary(a, 'A')),
        ' · ',
        h('span', { class: 'pg-key-b' }, summary(b, 'B')),
        tr('play.gcLegend', { s: o.maxSeconds.toFixed(3), mb: o.maxMB }),
      ),
    );
  }

  private drawBench(a: AnalyzeResponse, b: AnalyzeResponse): void {
    const table = need(this.root, '[data-bench-deltas]');
    const deltas = benchDeltas(a.bench?.results ?? [], b.bench?.results ?? []);
    if (!deltas.length) {
      table.replaceChildren(h('caption', {}, tr('play.noBenchCompare')));
      return;
    }
    table.replaceChildren(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[tr('bench.colName'), tr('play.colMetric'), 'A', 'B', 'Δ'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...deltas.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, d.name),
            h('td', {}, d.metric),
            h('td', {}, String(d.a)),
            h('td', {}, String(d.b)),
            h(
              'td',
              { 'data-sign': d.percent === undefined ? '' : Math.sign(d.percent).toString() },
              formatPercent(d.percent, d.b, locale),
            ),
          ),
        ),
      ),
    );
  }

  dispose(): void {
    const model = this.diff?.getModel();
    this.diff?.dispose();
    model?.original.dispose();
    model?.modified.dispose();
    this.diff = undefined;
  }
}
