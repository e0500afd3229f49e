/**
 * The /play page: Monaco with one model per file per variant, the run knobs, results, share
 * links, compare mode and embed mode. Everything the reader sets lives in one PlaygroundState,
 * mirrored into the URL fragment as they go, so the address bar is always a working link.
 */
import type {
  AnalyzeResponse,
  PlaygroundState,
  Variant,
} from '@go-memory-lab/sandbox-api/protocol';
import { sameFile } from '../../lib/results/same-file.ts';
import { staleReasons } from '../../lib/results/result-freshness.ts';
import { staleNotice } from '../../lib/results/stale-notice.ts';
import { clearSession, saveSession } from '../../lib/share/session.ts';
import { encodeState } from '../../lib/share/state-codec.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { loadMonacoMessages } from './monaco-locale.ts';
import { t } from '../../i18n/t.ts';
import { safeLocalStorage } from '../snippet/storage.ts';
import { CompareView } from './compare-view.ts';
import { Controls } from './controls.ts';
import { bindFormat } from './format-action.ts';
import { need } from './dom.ts';
import { newFileContent, renderFileTabs } from './file-tabs.ts';
import { loadInitialState } from './load-state.ts';
import { EditorModels, type Side } from './editor-models.ts';
import { embedQuery, isEmbed } from './embed-mode.ts';
import { createPlaygroundEditor, type Editor } from './playground-editor.ts';
import { createPlaygroundRun, variantKey } from './playground-run.ts';
import { ResultsView } from './results-view.ts';
import { fetchToolchains } from './share-client.ts';
import { bindSharePanel } from './share-panel.ts';
import { registerDecisionHover } from './decision-hover.ts';

/** The state and last result of the page, readable by end-to-end tests. */
export interface PlaygroundHandle {
  getState(): PlaygroundState;
  results(): Partial<Record<Side, AnalyzeResponse>>;
}

declare global {
  interface Window {
    gmlPlayground?: PlaygroundHandle;
  }
}

export async function startPlayground(root: HTMLElement): Promise<void> {
  const locale = documentLocale();
  const message = need(root, '[data-message]');
  const showMessage = (text: string | undefined) => {
    message.textContent = text ?? '';
    message.hidden = !text;
  };

  // An embed shows what its link says, never the reader's own last session, and does not save.
  const storage = isEmbed() ? undefined : safeLocalStorage();
  const initial = await loadInitialState(location, storage);
  const state: PlaygroundState = initial.state;
  root.dataset['stateSource'] = initial.source;
  showMessage(initial.message);
  need(root, '[data-session-note]').hidden = initial.source !== 'session';
  need(root, '[data-start-fresh]').addEventListener('click', () => {
    clearSession(storage);
    // A full load of the bare page: the session is gone, so it opens the default program, and
    // Back returns to the previous state (its link is in the address bar).
    location.assign(`${location.pathname}${embedQuery()}`);
  });
  if (initial.message) history.replaceState(null, '', location.pathname + embedQuery());

  let side: Side = 'a';
  const activeFile: Record<Side, string> = {
    a: state.a.files[0]!.name,
    b: state.b?.files[0]?.name ?? 'main.go',
  };
  const results: Partial<Record<Side, AnalyzeResponse>> = {};
  /** Which variant text each result was produced from: a share carries a result only if current. */
  const resultFor: Partial<Record<Side, string>> = {};
  const variant = (s: Side): Variant => (s === 'b' && state.b ? state.b : state.a);

  const controls = new Controls(root, () => {
    const options = controls.read();
    Object.assign(variant(side), options);
    if (!options.toolchain) delete variant(side).toolchain;
    changed();
  });
  controls.show(variant(side));
  void fetchToolchains().then((t) => {
    if (!t) return;
    controls.setToolchains(
      t.toolchains.map((x) => x.version),
      t.default,
    );
    controls.show(variant(side));
  });

  const resultsView = new ResultsView(need(root, '[data-results]'), {
    onGoto: (file, line) => {
      const target = file && variant(side).files.find((f) => sameFile(f.name, file));
      if (target && target.name !== activeFile[side]) selectFile(target.name);
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
  });

  await loadMonacoMessages(locale);
  const { monaco, editorTheme } = await import('./monaco.ts');
  const models = new EditorModels(monaco, variant, () => changed());
  const editor: Editor = createPlaygroundEditor(
    monaco,
    editorTheme,
    need(root, '[data-editor]'),
    models.get('a', activeFile.a),
    locale,
  );
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void run());
  bindFormat(monaco, editor, need(root, '[data-format]'), locale, (text, error) => {
    showMessage(text);
    message.dataset['tone'] = error ? 'error' : 'info';
  });
  // The diagram follows the cursor: put it on a line with a decision to see why.
  editor.onDidChangeCursorPosition((e) => {
    resultsView.selectLine(activeFile[side], e.position.lineNumber);
  });
  registerDecisionHover(monaco, (path) => {
    const m = /^\/(a|b)\/(.+)$/.exec(path);
    const r = m ? results[m[1] as Side] : undefined;
    return m && r ? { result: r, file: m[2]! } : undefined;
  });

  const compareRoot = need(root, '[data-compare-panel]');
  const compare = new CompareView(compareRoot, monaco);
  const tabsHost = need(root, '[data-file-tabs]');
  const variantTabs = need(root, '[data-variant-tabs]');
  const compareButton = need<HTMLButtonElement>(root, '[data-compare]');

  function drawTabs(): void {
    renderFileTabs(
      tabsHost,
      variant(side).files.map((f) => f.name),
      activeFile[side],
      {
        select: selectFile,
        add: (name) => {
          variant(side).files.push({ name, content: newFileContent(name) });
          selectFile(name);
          changed();
        },
        remove: (name) => {
          const v = variant(side);
          v.files = v.files.filter((f) => f.name !== name);
          models.drop(side, name);
          if (activeFile[side] === name) activeFile[side] = v.files[0]!.name;
          editor.setModel(models.get(side, activeFile[side]));
          drawTabs();
          changed();
        },
      },
    );
  }
  function selectFile(name: string): void {
    activeFile[side] = name;
    editor.setModel(models.get(side, name));
    drawTabs();
  }
  function selectSide(s: Side): void {
    side = s;
    for (const b of variantTabs.querySelectorAll<HTMLButtonElement>('[data-variant]')) {
      b.setAttribute('aria-pressed', String(b.dataset['variant'] === s));
    }
    if (!variant(s).files.some((f) => f.name === activeFile[s]))
      activeFile[s] = variant(s).files[0]!.name;
    controls.show(variant(s));
    selectFile(activeFile[s]);
    showResult(s);
  }
  for (const b of variantTabs.querySelectorAll<HTMLButtonElement>('[data-variant]')) {
    b.addEventListener('click', () => selectSide(b.dataset['variant'] === 'b' ? 'b' : 'a'));
  }

  function setCompare(on: boolean): void {
    if (on && !state.b) state.b = structuredClone(state.a);
    if (!on) {
      delete state.b;
      delete results.b;
      models.drop('b');
      compare.dispose();
    }
    compareButton.setAttribute('aria-pressed', String(on));
    variantTabs.hidden = !on;
    compareRoot.hidden = !on;
    root.classList.toggle('pg-comparing', on);
    selectSide('a');
    if (on) {
      compare.showState(state);
      compare.showResults(state, results.a, results.b);
    }
    changed();
  }
  compareButton.addEventListener('click', () => setCompare(!state.b));

  function showResult(s: Side): void {
    const r = results[s];
    if (!r) {
      resultsView.status(`<p class="pg-note">${t(locale, 'play.pressRunHtml')}</p>`);
      return;
    }
    resultsView.show(
      r,
      r === initial.recorded || r === initial.recordedB ? 'recorded' : 'live',
      variant(s).files.map((f) => f.name),
    );
    refreshStale();
  }

  const setMarkers = (s: Side) => models.setMarkers(s, results[s]);

  /** The one freshness rule (result-freshness.ts) for the side on screen. */
  function refreshStale(): void {
    const r = results[side];
    const v = variant(side);
    const reasons = r
      ? staleReasons(r.request, v.files, {
          mode: v.mode,
          escapeDetail: v.escapeDetail,
          inline: v.inline,
          env: v.env,
          ...(v.toolchain ? { toolchain: v.toolchain } : {}),
        })
      : [];
    resultsView.setStale(staleNotice(locale, reasons));
  }

  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  function changed(): void {
    refreshStale();
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      try {
        history.replaceState(null, '', `${location.pathname}${embedQuery()}#${encodeState(state)}`);
        fullLink.href = `/play/#${encodeState(state)}`;
      } catch {
        // An invalid state (e.g. a file name being typed) is simply not mirrored yet.
      }
      saveSession(storage, state);
      if (state.b) compare.showState(state);
    }, 250);
  }

  const run = createPlaygroundRun({
    root,
    locale,
    state,
    variant,
    resultsView,
    compare,
    results,
    resultFor,
    onResult: setMarkers,
    showResult: () => showResult(side),
  });
  need(root, '[data-run]').addEventListener('click', () => void run());
  document.addEventListener('keydown', (ev) => {
    // Inside Monaco its own Ctrl+Enter command already runs.
    if ((ev.target as Element | null)?.closest?.('.monaco-editor')) return;
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
      ev.preventDefault();
      void run();
    }
  });

  const fullLink = need<HTMLAnchorElement>(root, '[data-open-full]');
  // A result travels with a link only if it is the result of the code being shared.
  const currentResult = (v: Side) => {
    const own = v === 'a' ? state.a : state.b;
    return own && results[v] && resultFor[v] === variantKey(own) ? results[v] : undefined;
  };
  bindSharePanel(root, () => ({ state, result: currentResult('a'), resultB: currentResult('b') }));

  if (initial.recorded) {
    results.a = initial.recorded;
    resultFor.a = variantKey(state.a);
  }
  if (initial.recordedB && state.b) {
    results.b = initial.recordedB;
    resultFor.b = variantKey(state.b);
  }
  drawTabs();
  if (state.b) setCompare(true);
  else showResult('a');
  if (results.a) setMarkers('a');
  if (results.b) setMarkers('b');
  fullLink.href = `/play/#${encodeState(state)}`;
  window.gmlPlayground = {
    getState: () => structuredClone(state),
    results: () => ({ ...results }),
  };
  root.dataset['ready'] = 'true';
}
