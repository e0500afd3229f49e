/**
 * The hydrated snippet: editors over the static code, toolbar, runs against the sandbox, and
 * redrawing of marks, panels and the diagram from each result. Loaded lazily by element.ts.
 * The parts: result-view.ts (what is drawn from a result), snippet-runner.ts (runs),
 * snippet-links.ts (playground and snippet links), mount-editors.ts (CodeMirror over the code).
 */
import { SnippetConfigSchema, type SnippetConfig } from '../../components/snippet/config.ts';
import { decisionKey } from '../../components/snippet/render-decisions.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { Category } from '../../lib/results/classify.ts';
import { rerunsOnKnobChange, staleReasons } from '../../lib/results/result-freshness.ts';
import { onThemeChange } from './diagram-view.ts';
import type { SnippetEditor } from './editor.ts';
import { formatSnippetEditor } from './format-action.ts';
import { applyLinkedToolbar, linkedState, mountEditors } from './mount-editors.ts';
import { readToolbar } from './request.ts';
import { createResultView } from './result-view.ts';
import { slot } from '../slot.ts';
import { type SnippetContext, type Tone } from './snippet-context.ts';
import { copySnippetLink, updateSnippetLinks } from './snippet-links.ts';
import { createSnippetRunner } from './snippet-runner.ts';
import { clearEdit, loadEdit, safeLocalStorage, saveEdit, storageKey } from './storage.ts';
import { wireTabs } from './tabs.ts';

/**
 * Mounts the editor once the snippet's data file (`data`, fetched by element.ts) has arrived
 * and validates. When it cannot be had, the server-painted view stays as it is and the status
 * line says why; the caller tries again on the next touch.
 */
export async function mountSnippet(root: HTMLElement, data: Promise<unknown>) {
  const parsed = SnippetConfigSchema.safeParse(await data.catch(() => undefined));
  const status = slot(root, 'status');
  if (!parsed.success || parsed.data.id !== root.id) {
    status.textContent = t(documentLocale(), 'snippet.dataFailed');
    status.dataset['tone'] = 'error';
    root.dataset['dataFailed'] = '';
    return undefined;
  }
  if (root.dataset['dataFailed'] !== undefined) {
    delete root.dataset['dataFailed'];
    status.textContent = '';
    delete status.dataset['tone'];
  }
  return mount(root, parsed.data);
}

function mount(root: HTMLElement, config: SnippetConfig) {
  const storage = safeLocalStorage();
  const key = storageKey(config.id, config.files);
  const linked = linkedState(config.id);
  const saved = linked ? { files: linked.files } : loadEdit(storage, key);
  const status = slot(root, 'status');
  const locale = documentLocale();
  const say = (text: string, tone: Tone = 'info') => {
    status.textContent = text;
    status.dataset['tone'] = tone;
  };

  const editors: Map<string, SnippetEditor> = mountEditors(
    root,
    config,
    saved?.files,
    locale,
    (editor) => ({
      onChange: () => {
        persist();
        view.refreshFreshness();
      },
      onRun: () => void runner.run(),
      onFormat: () => void formatSnippetEditor(editor(), locale, say),
      onPickDecision: (d) => view.select(d),
    }),
  );
  const ctx: SnippetContext = {
    root,
    config,
    locale,
    names: config.files.map((f) => f.name),
    editors,
    currentFiles: () =>
      config.files.map((f) => ({
        name: f.name,
        content: editors.get(f.name)?.text() ?? f.content,
      })),
    say,
  };
  if (linked) applyLinkedToolbar(root, linked, config.knobs);
  root.dataset['state'] = 'ready';
  const showTab = wireTabs(root, config.id);
  const view = createResultView(ctx);
  const runner = createSnippetRunner(ctx, view);

  function persist(): void {
    saveEdit(storage, key, ctx.currentFiles(), config.files);
    updateSnippetLinks(ctx);
  }

  /** A toolbar change: mark the result, or re-run for a build-mode knob (debounced). */
  function toolbarChanged(): void {
    updateSnippetLinks(ctx);
    const bad = runner.checkKnobs();
    if (bad) {
      say(bad, 'error');
      view.refreshFreshness();
      return;
    }
    view.refreshFreshness();
    const result = view.result();
    if (!result) return runner.runSoon(false);
    const toolbar = readToolbar(root, config.knobs);
    const reasons = staleReasons(result.request, ctx.currentFiles(), toolbar);
    runner.runSoon(rerunsOnKnobChange(reasons, toolbar.mode));
  }

  function reset(): void {
    runner.cancel();
    for (const f of config.files) editors.get(f.name)?.setText(f.content);
    clearEdit(storage, key);
    view.applyResult(config.recorded, 'recorded');
    say(t(locale, config.recorded ? 'snippet.backRecorded' : 'snippet.back'));
  }

  root.addEventListener('change', (ev) => {
    const t = ev.target as HTMLInputElement;
    if (t.name === 'filter') {
      const s = view.shown();
      for (const li of root.querySelectorAll<HTMLElement>('.sn-decision'))
        li.hidden = !s.has(li.dataset['cat'] as Category);
      for (const g of root.querySelectorAll<HTMLElement>('.sn-line'))
        g.hidden = g.querySelector('.sn-decision:not([hidden])') === null;
    } else toolbarChanged();
  });
  root.addEventListener('input', (ev) => {
    // Typing in a knob field: the result is marked as soon as it no longer matches.
    if ((ev.target as Element).closest('.sn-toolbar input:not([type="checkbox"])'))
      view.refreshFreshness();
  });
  root.addEventListener('click', (ev) => {
    const el = ev.target as Element;
    const pick = el.closest<HTMLElement>('.sn-pick');
    if (pick) {
      const d = view.visibleDecisions().find((x) => decisionKey(x) === pick.dataset['key']);
      if (d) view.select(d);
      return;
    }
    const go = el.closest<HTMLElement>('.sn-goto');
    if (go) view.flash(Number(go.dataset['line']));
    const tab = el.closest<HTMLElement>('[role="tab"]');
    if (tab) showTab(tab);
  });
  root.addEventListener('keydown', (ev) => {
    const target = ev.target as Element;
    // Enter in a knob field runs, as it would submit a form; Ctrl/Cmd+Enter runs from anywhere
    // outside the editor (the editor has its own key binding).
    const enterInKnob =
      ev.key === 'Enter' &&
      !ev.isComposing &&
      target.closest('.sn-toolbar input:not([type="checkbox"])') !== null;
    const modEnter =
      (ev.ctrlKey || ev.metaKey) && ev.key === 'Enter' && !target.closest('.cm-editor');
    if (enterInKnob || modEnter) {
      ev.preventDefault();
      void runner.run();
    }
  });

  view.applyResult(config.recorded, 'recorded');
  updateSnippetLinks(ctx);
  onThemeChange(() => view.redrawDiagram());
  if (saved && !linked) say(t(locale, 'snippet.editBack'));
  const linkProblem = root.dataset['linkProblem'];
  if (linkProblem) say(t(locale, 'snippet.shortLinkFailed', { why: linkProblem }), 'error');

  return {
    action(name: string): void {
      if (name === 'run') void runner.run();
      else if (name === 'stop') runner.stop();
      else if (name === 'copy-link') void copySnippetLink(ctx);
      else if (name === 'format') {
        // The file on screen (multi-file snippets show one editor at a time).
        const shown = [...editors.values()].find((e) => !e.view.dom.parentElement?.hidden);
        if (shown) void formatSnippetEditor(shown, locale, say);
      } else if (name === 'reset') reset();
    },
  };
}
