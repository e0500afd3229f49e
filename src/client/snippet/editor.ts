import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { go } from '@codemirror/lang-go';
import { bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { EditorState, RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  closeHoverTooltips,
  drawSelection,
  gutter,
  hoverTooltip,
  keymap,
  lineNumbers,
  showTooltip,
  type DecorationSet,
  type Tooltip,
} from '@codemirror/view';
import type { Decision } from '@go-memory-lab/sandbox-api/protocol';
import { strongestCategory, type Category } from '../../lib/results/classify.ts';
import { explainDecision } from '../../lib/results/explain.ts';
import { documentLocale, pathInLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { DecisionMark, ErrorMark } from '../../lib/results/marks.ts';
import { richText } from '../../components/snippet/html.ts';
import { githubHighlight } from './highlight.ts';

/** Marks to draw; offsets refer to the document as it was when the result arrived. */
export interface EditorMarks {
  decisions: readonly DecisionMark[];
  errors: readonly ErrorMark[];
}

export interface EditorCallbacks {
  onChange(text: string): void;
  onRun(): void;
  /** Shift+Alt+F: gofmt this editor's text (editors without a Format button leave it out). */
  onFormat?(): void;
  /** A gutter mark was clicked: the strongest decision on that line. */
  onPickDecision(d: Decision): void;
}

const setMarks = StateEffect.define<EditorMarks>();
const flashLine = StateEffect.define<number | null>();

class FamilyMarker extends GutterMarker {
  readonly family: Category | 'error';
  readonly label: string;
  constructor(family: Category | 'error', label: string) {
    super();
    this.family = family;
    this.label = label;
  }
  override eq(other: FamilyMarker): boolean {
    return other.family === this.family && other.label === this.label;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = `sn-g sn-g-${this.family}`;
    el.title = this.label;
    return el;
  }
}

interface Drawn {
  marks: DecorationSet;
  gutter: RangeSet<FamilyMarker>;
}

function draw(state: EditorState, m: EditorMarks): Drawn {
  const len = state.doc.length;
  const clamp = (n: number) => Math.max(0, Math.min(n, len));
  const ranges = [
    ...m.decisions.map((d) =>
      Decoration.mark({ class: `sn-u sn-u-${d.category}`, decision: d.decision }).range(
        clamp(d.from),
        Math.max(clamp(d.to), clamp(d.from) + (clamp(d.from) < len ? 1 : 0)),
      ),
    ),
    ...m.errors.map((e) =>
      Decoration.mark({ class: 'sn-u sn-u-error', error: e.error.message }).range(
        clamp(e.from),
        Math.max(clamp(e.to), Math.min(clamp(e.from) + 1, len)),
      ),
    ),
    ...m.errors.map((e) =>
      Decoration.line({ class: 'sn-cm-error-line' }).range(
        state.doc.line(Math.min(e.line, state.doc.lines)).from,
      ),
    ),
  ].filter(
    (r) => r.from < r.to || (r.value.spec as { class?: string }).class === 'sn-cm-error-line',
  );
  const byLine = new Map<number, { cats: Category[]; error: boolean; msgs: string[] }>();
  const entry = (line: number) => {
    const l = Math.min(Math.max(line, 1), state.doc.lines);
    let e = byLine.get(l);
    if (!e) byLine.set(l, (e = { cats: [], error: false, msgs: [] }));
    return e;
  };
  for (const d of m.decisions) {
    const e = entry(d.line);
    e.cats.push(d.category);
    e.msgs.push(d.decision.message);
  }
  for (const er of m.errors) {
    const e = entry(er.line);
    e.error = true;
    e.msgs.unshift(er.error.message);
  }
  const markers = [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([line, e]) => {
      const fam = e.error ? 'error' : strongestCategory(e.cats);
      return fam ? [new FamilyMarker(fam, e.msgs.join('\n')).range(state.doc.line(line).from)] : [];
    });
  return { marks: Decoration.set(ranges, true), gutter: RangeSet.of(markers) };
}

const marksField = StateField.define<Drawn>({
  create: () => ({ marks: Decoration.none, gutter: RangeSet.of<FamilyMarker>([]) }),
  update(value, tr) {
    let next: Drawn = tr.docChanged
      ? { marks: value.marks.map(tr.changes), gutter: value.gutter.map(tr.changes) }
      : value;
    for (const e of tr.effects) if (e.is(setMarks)) next = draw(tr.state, e.value);
    return next;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.marks),
});

const flashField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(flashLine)) continue;
      if (e.value === null) return Decoration.none;
      const line = tr.state.doc.line(Math.min(Math.max(e.value, 1), tr.state.doc.lines));
      value = Decoration.set([Decoration.line({ class: 'sn-cm-flash' }).range(line.from)]);
    }
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The explanations of every mark covering `pos`, as a tooltip over their joint range. */
function tooltipAt(state: EditorState, pos: number, live = false): Tooltip | null {
  const items: string[] = [];
  let start = pos;
  let end = pos;
  state.field(marksField).marks.between(pos, pos, (from, to, value) => {
    const spec = value.spec as { decision?: Decision; error?: string };
    if (spec.decision) {
      const locale = documentLocale();
      const e = explainDecision(spec.decision, pathInLocale('/glossary', locale), locale);
      items.push(
        `<p><strong>${richText(e.title)}</strong> ${richText(e.plain)} <a href="${e.glossaryHref}">${t(locale, 'nav.glossary')}</a></p>`,
      );
    } else if (spec.error)
      items.push(
        `<p class="sn-tip-error"><strong>${t(documentLocale(), 'snippet.compileError')}</strong> ${richText(spec.error)}</p>`,
      );
    start = Math.min(start, from);
    end = Math.max(end, to);
  });
  if (items.length === 0) return null;
  return {
    pos: start,
    end,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'sn-tip';
      // Read out when the keyboard cursor lands on a mark; hovering needs no announcement.
      if (live) dom.setAttribute('aria-live', 'polite');
      dom.innerHTML = items.join('');
      return { dom };
    },
  };
}

const explainHover = hoverTooltip((view, pos) => tooltipAt(view.state, pos));

/** The same explanation for keyboard users: shown while the cursor, moved by keys, sits on a mark. */
const explainAtCursor = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    // New marks (or none, for a stale result) make any explanation on screen out of date.
    if (tr.docChanged || tr.isUserEvent('select.pointer') || tr.effects.some((e) => e.is(setMarks)))
      return null;
    if (!tr.isUserEvent('select')) return value;
    const sel = tr.state.selection.main;
    return sel.empty ? tooltipAt(tr.state, sel.head, true) : null;
  },
  provide: (f) => showTooltip.from(f),
});

export interface SnippetEditor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  setMarks(m: EditorMarks): void;
  /** Highlights (and scrolls to) a line; null clears. */
  flash(line: number | null): void;
}

export function createEditor(
  parent: HTMLElement,
  doc: string,
  cb: EditorCallbacks,
  label: string,
): SnippetEditor {
  const extensions: Extension[] = [
    lineNumbers(),
    gutter({
      class: 'sn-cm-marks',
      markers: (v) => v.state.field(marksField).gutter,
      domEventHandlers: {
        click(view, line) {
          let best: Decision | undefined;
          let bestCat: Category | undefined;
          view.state.field(marksField).marks.between(line.from, line.to, (_f, _t, value) => {
            const d = (value.spec as { decision?: Decision }).decision;
            if (!d) return;
            const cat = (value.spec as { class: string }).class.replace(
              'sn-u sn-u-',
              '',
            ) as Category;
            if (!bestCat || strongestCategory([cat, bestCat]) === cat) {
              best = d;
              bestCat = cat;
            }
          });
          if (best) cb.onPickDecision(best);
          return best !== undefined;
        },
      },
    }),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('\t'),
    EditorState.tabSize.of(4),
    keymap.of([
      { key: 'Mod-Enter', run: () => (cb.onRun(), true) },
      { key: 'Shift-Alt-f', run: () => (cb.onFormat ? (cb.onFormat(), true) : false) },
      ...defaultKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    go(),
    githubHighlight,
    marksField,
    flashField,
    explainHover,
    explainAtCursor,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) cb.onChange(u.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
  // Long lines scroll sideways; axe does not count the contenteditable inside as keyboard
  // access to that scroller, so the scroller itself takes focus (arrow keys then scroll it).
  view.scrollDOM.tabIndex = 0;
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setMarks(m) {
      // A hover tooltip explains the marks it was opened on: close it with them.
      view.dispatch({ effects: [setMarks.of(m), closeHoverTooltips] });
    },
    flash(line) {
      const effects: StateEffect<unknown>[] = [flashLine.of(line)];
      if (line !== null) {
        const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
        effects.push(EditorView.scrollIntoView(l.from, { y: 'nearest' }));
      }
      view.dispatch({ effects });
    },
  };
}
