/**
 * The hydrated snippet: editors over the static code, toolbar, runs against the sandbox, and
 * redrawing of marks, panels and the diagram from each result. Loaded lazily by element.ts.
 */
import type { AnalyzeResponse, Decision } from '@go-memory-lab/sandbox-api/protocol';
import { SnippetConfigSchema, type SnippetConfig } from '../../components/snippet/config.ts';
import { decisionKey } from '../../components/snippet/render-decisions.ts';
import { renderResultSlots, type ResultOrigin } from '../../components/snippet/render-result.ts';
import { analyze } from '../../lib/api/client.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { rerunsOnKnobChange, staleReasons } from '../../lib/results/result-freshness.ts';
import { staleNotice } from '../../lib/results/stale-notice.ts';
import type { Category } from '../../lib/results/classify.ts';
import { pickDiagramSubject } from '../../lib/results/diagram.ts';
import { decisionsInFiles } from '../../lib/results/filter.ts';
import { decisionsToMarks, errorsToMarks } from '../../lib/results/marks.ts';
import { sameFile } from '../../lib/results/same-file.ts';
import { createDiagramView, onThemeChange } from './diagram-view.ts';
import { createEditor, type SnippetEditor } from './editor.ts';
import { formatSnippetEditor } from './format-action.ts';
import { linkToCopy } from './short-link.ts';
import { failureMessage } from './failure-message.ts';
import { playgroundHref, snippetHref } from './playground-link.ts';
import { decodeState } from '../../lib/share/state-codec.ts';
import { badKnobs, buildRequest, readToolbar } from './request.ts';
import { wireTabs } from './tabs.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { clearEdit, loadEdit, safeLocalStorage, saveEdit, storageKey } from './storage.ts';

/**
 * After a run, the status line (and the result under it) scrolls into view if it is off
 * screen: on a tall snippet the reader would otherwise see only the gutter change.
 */
function bringIntoView(el: HTMLElement): void {
  const r = el.getBoundingClientRect();
  if (r.top >= 0 && r.bottom <= window.innerHeight) return;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}

/** The code and options a "Link to this snippet" carries for snippet `id`, if the URL has one. */
function linkedState(id: string) {
  const q = new URLSearchParams(location.search);
  if (q.get('snippet') !== id) return undefined;
  const decoded = decodeState(q.get('s') ?? '');
  return decoded.ok ? decoded.state.a : undefined;
}

function slot(root: HTMLElement, name: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  if (!el) throw new Error(`snippet is missing its ${name} slot`);
  return el;
}

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
  const names = config.files.map((f) => f.name);
  const status = slot(root, 'status');
  const locale = documentLocale();
  /** Says, next to the result, what changed since it was produced (empty when it is current). */
  const staleBox = slot(root, 'stale');

  let result: AnalyzeResponse | undefined = config.recorded;
  let origin: ResultOrigin = 'recorded';
  let selected: string | undefined = config.subject;
  let running: AbortController | undefined;

  const say = (text: string, tone: 'info' | 'error' | 'busy' = 'info') => {
    status.textContent = text;
    status.dataset['tone'] = tone;
  };

  /* ------------------------------------------------------------ editors */
  const editors = new Map<string, SnippetEditor>();
  for (const f of config.files) {
    const pre = root.querySelector<HTMLElement>(`pre.sn-static[data-file="${CSS.escape(f.name)}"]`);
    const host = document.createElement('div');
    host.className = 'sn-editor';
    host.dataset['file'] = f.name;
    host.hidden = pre?.hidden ?? false;
    pre?.after(host);
    const start = saved?.files.find((s) => s.name === f.name)?.content ?? f.content;
    const editor = createEditor(
      host,
      start,
      {
        onChange: () => {
          persist();
          refreshFreshness();
        },
        onRun: () => void run(),
        onFormat: () => void formatSnippetEditor(editor, locale, say),
        onPickDecision: (d) => select(d),
      },
      t(locale, 'snippet.editorLabel', { file: f.name }),
    );
    editors.set(f.name, editor);
    pre?.setAttribute('hidden', '');
    pre?.classList.add('sn-replaced');
  }
  if (linked) {
    const set = (name: string, value: string) => {
      const f = root.querySelector<HTMLInputElement | HTMLSelectElement>(
        `.sn-toolbar [name="${name}"]`,
      );
      if (f) f.value = value;
    };
    set('mode', linked.mode);
    set('escapeDetail', String(linked.escapeDetail));
    const inline = root.querySelector<HTMLInputElement>('.sn-toolbar [name="inline"]');
    if (inline) inline.checked = linked.inline;
    for (const k of config.knobs) set(k, linked.env[k] ?? '');
  }
  root.dataset['state'] = 'ready';
  const showTab = wireTabs(root, config.id);

  const currentFiles = () =>
    config.files.map((f) => ({ name: f.name, content: editors.get(f.name)?.text() ?? f.content }));

  function persist(): void {
    saveEdit(storage, key, currentFiles(), config.files);
    updatePlayLink();
  }

  /* ------------------------------------------------------------ results */
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

  function select(d: Decision): void {
    selected = decisionKey(d);
    for (const b of root.querySelectorAll<HTMLElement>('.sn-pick')) {
      b.setAttribute('aria-pressed', b.dataset['key'] === selected ? 'true' : 'false');
    }
    flash(d.line, d.file);
    void showDiagram(d, visibleDecisions());
  }

  /** Whether the shown result was drawn as current (marks, diagram) or taken down as stale. */
  let drawnStale = false;

  /**
   * The one rule (src/lib/results/result-freshness.ts): compare the shown result's request with
   * the code and options on screen. Differences are named next to the result; marks and the
   * diagram, which point at lines of the code that was compiled, come down on a code edit and
   * come back when the code is the compiled code again (undo). A build-mode knob re-runs.
   */
  function refreshFreshness(): void {
    if (!result) {
      delete root.dataset['stale'];
      staleBox.textContent = '';
      return;
    }
    const reasons = staleReasons(result.request, currentFiles(), readToolbar(root, config.knobs));
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

  let knobTimer: ReturnType<typeof setTimeout> | undefined;
  /** A toolbar change: mark the result, or re-run for a build-mode knob (debounced). */
  function toolbarChanged(): void {
    updatePlayLink();
    const bad = checkKnobs();
    if (bad) {
      say(bad, 'error');
      refreshFreshness();
      return;
    }
    refreshFreshness();
    clearTimeout(knobTimer);
    if (!result) return;
    const reasons = staleReasons(result.request, currentFiles(), readToolbar(root, config.knobs));
    if (rerunsOnKnobChange(reasons, readToolbar(root, config.knobs).mode))
      knobTimer = setTimeout(() => void run(), 400);
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
    for (const b of root.querySelectorAll<HTMLElement>('.sn-pick')) {
      b.setAttribute('aria-pressed', b.dataset['key'] === selected ? 'true' : 'false');
    }
    if (r.ok) void showDiagram(subject, all);
    else void showDiagram(undefined, [], t(locale, 'result.noDiagramCompileError'));
    refreshFreshness();
  }

  /* ------------------------------------------------------------ actions */
  /** Marks knob fields the contract refuses; returns the one message to show, if any. */
  function checkKnobs(): string | undefined {
    const bad = badKnobs(readToolbar(root, config.knobs).env, locale);
    for (const k of config.knobs) {
      const field = root.querySelector<HTMLInputElement>(`.sn-toolbar [name="${k}"]`);
      const problem = bad.find((b) => b.name === k);
      if (!field) continue;
      if (problem) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
    if (bad.length === 0) return undefined;
    return t(locale, 'snippet.badKnob', {
      problems: bad.map((b) => `${b.name}: ${b.message}`).join('; '),
    });
  }

  async function run(): Promise<void> {
    const bad = checkKnobs();
    if (bad) {
      say(bad, 'error');
      return;
    }
    running?.abort();
    const ctl = new AbortController();
    running = ctl;
    const runBtn = root.querySelector<HTMLButtonElement>('[data-action="run"]');
    const stopBtn = root.querySelector<HTMLButtonElement>('[data-action="stop"]');
    if (runBtn) runBtn.disabled = true;
    if (stopBtn) {
      stopBtn.hidden = false;
      stopBtn.disabled = false;
    }
    root.dataset['running'] = '';
    clearTimeout(knobTimer);
    // The previous program's compile errors are not this program's: off screen while it runs.
    const errorsSlot = slot(root, 'errors');
    errorsSlot.hidden = true;
    const req = buildRequest(currentFiles(), readToolbar(root, config.knobs));
    say(t(locale, req.mode === 'build' ? 'snippet.compiling' : 'snippet.compilingRunning'), 'busy');
    try {
      let outcome = await analyze(req, { signal: ctl.signal, base: API_BASE });
      if (!outcome.ok && outcome.error.status === 429) {
        const wait = outcome.error.retryAfter ?? 2;
        say(t(locale, 'snippet.busyRetry', { s: wait }), 'busy');
        await new Promise((r) => setTimeout(r, wait * 1000));
        if (ctl.signal.aborted) return;
        outcome = await analyze(req, { signal: ctl.signal, base: API_BASE });
      }
      if (running !== ctl) return;
      if (outcome.ok) {
        applyResult(outcome.result, 'live');
        bringIntoView(status);
        const r = outcome.result;
        const decisions = visibleDecisions().length;
        say(
          !r.ok
            ? r.compileErrors.length === 1
              ? t(locale, 'snippet.compileErrorsOne')
              : t(locale, 'snippet.compileErrorsMany', { n: r.compileErrors.length })
            : r.run?.timedOut
              ? t(locale, 'status.timedOut', { ms: Math.round(r.run.wallMs), decisions })
              : r.run?.outOfMemory
                ? t(locale, 'status.outOfMemory', { decisions })
                : t(locale, 'snippet.done', { ms: Math.round(r.timing.totalMs), decisions }),
          r.ok && !r.run?.timedOut && !r.run?.outOfMemory ? 'info' : 'error',
        );
      } else {
        say(
          failureMessage(outcome.error, origin === 'recorded' && result !== undefined, locale),
          'error',
        );
      }
    } catch (err) {
      if (!ctl.signal.aborted) say(t(locale, 'snippet.wentWrong', { error: String(err) }), 'error');
    } finally {
      if (running === ctl) endRun();
    }
  }

  /** Back to idle: Run enabled, Stop hidden, the shown result's errors visible again. */
  function endRun(): void {
    running = undefined;
    slot(root, 'errors').hidden = false;
    const runBtn = root.querySelector<HTMLButtonElement>('[data-action="run"]');
    const stopBtn = root.querySelector<HTMLButtonElement>('[data-action="stop"]');
    if (runBtn) runBtn.disabled = false;
    if (stopBtn) stopBtn.hidden = true;
    delete root.dataset['running'];
  }

  /** Cancels the run: the request is aborted, and the service stops a job nobody waits for. */
  function stop(): void {
    if (!running) return;
    running.abort();
    endRun();
    say(t(locale, 'snippet.stopped'));
  }

  function reset(): void {
    running?.abort();
    for (const f of config.files) editors.get(f.name)?.setText(f.content);
    clearEdit(storage, key);
    applyResult(config.recorded, 'recorded');
    say(t(locale, config.recorded ? 'snippet.backRecorded' : 'snippet.back'));
  }

  /* ------------------------------------------------------------ wiring */
  root.addEventListener('change', (ev) => {
    const t = ev.target as HTMLInputElement;
    if (t.name === 'filter') {
      const s = shown();
      for (const li of root.querySelectorAll<HTMLElement>('.sn-decision'))
        li.hidden = !s.has(li.dataset['cat'] as Category);
      for (const g of root.querySelectorAll<HTMLElement>('.sn-line'))
        g.hidden = g.querySelector('.sn-decision:not([hidden])') === null;
    } else toolbarChanged();
  });
  root.addEventListener('input', (ev) => {
    // Typing in a knob field: the result is marked as soon as it no longer matches.
    if ((ev.target as Element).closest('.sn-toolbar input:not([type="checkbox"])'))
      refreshFreshness();
  });
  root.addEventListener('click', (ev) => {
    const el = ev.target as Element;
    const pick = el.closest<HTMLElement>('.sn-pick');
    if (pick) {
      const d = visibleDecisions().find((x) => decisionKey(x) === pick.dataset['key']);
      if (d) select(d);
      return;
    }
    const go = el.closest<HTMLElement>('.sn-goto');
    if (go) flash(Number(go.dataset['line']));
    const tab = el.closest<HTMLElement>('[role="tab"]');
    if (tab) showTab(tab);
  });

  root.addEventListener('keydown', (ev) => {
    const target = ev.target as Element;
    if (
      ev.key === 'Enter' &&
      !ev.isComposing &&
      target.closest('.sn-toolbar input:not([type="checkbox"])')
    ) {
      // Enter in a knob field runs, as it would submit a form.
      ev.preventDefault();
      void run();
      return;
    }
    if (
      (ev.ctrlKey || ev.metaKey) &&
      ev.key === 'Enter' &&
      !(ev.target as Element).closest('.cm-editor')
    ) {
      ev.preventDefault();
      void run();
    }
  });

  function updatePlayLink(): void {
    const a = root.querySelector<HTMLAnchorElement>('[data-action="play"]');
    const self = root.querySelector<HTMLAnchorElement>('[data-action="link"]');
    const toolbar = readToolbar(root, config.knobs);
    // A knob value the contract refuses cannot be put in a link: keep the last good one.
    if (badKnobs(toolbar.env, locale).length > 0) return;
    const files = currentFiles();
    if (a) a.href = playgroundHref(files, toolbar);
    const unchanged =
      files.every((f, i) => f.content === config.files[i]?.content) &&
      toolbar.mode === config.mode &&
      toolbar.escapeDetail === config.escapeDetail &&
      toolbar.inline === config.inline &&
      JSON.stringify(toolbar.env) === JSON.stringify(config.env);
    if (self) self.setAttribute('href', snippetHref(config.id, files, toolbar, unchanged));
  }

  async function copyLink(): Promise<void> {
    const self = root.querySelector<HTMLAnchorElement>('[data-action="link"]');
    if (!self) return;
    // An unchanged snippet's link is its anchor; an edited one gets a short link if it can.
    const edited = self.getAttribute('href') !== `#${config.id}`;
    const { text, short } = edited
      ? await linkToCopy(config.id, currentFiles(), readToolbar(root, config.knobs), self.href)
      : { text: self.href, short: false };
    root.dataset['copiedLink'] = text;
    await navigator.clipboard
      ?.writeText(text)
      .then(() => say(t(locale, short ? 'snippet.shortLinkCopied' : 'snippet.linkCopied')))
      .catch(() => say(text));
  }

  applyResult(config.recorded, 'recorded');
  updatePlayLink();
  onThemeChange(() => {
    const d = visibleDecisions().find((x) => decisionKey(x) === selected);
    if (d) void showDiagram(d, visibleDecisions());
  });
  if (saved && !linked) say(t(locale, 'snippet.editBack'));
  const linkProblem = root.dataset['linkProblem'];
  if (linkProblem) say(t(locale, 'snippet.shortLinkFailed', { why: linkProblem }), 'error');

  return {
    action(name: string): void {
      if (name === 'run') void run();
      else if (name === 'stop') stop();
      else if (name === 'copy-link') void copyLink();
      else if (name === 'format') {
        // The file on screen (multi-file snippets show one editor at a time).
        const shown = [...editors.values()].find((e) => !e.view.dom.parentElement?.hidden);
        if (shown) void formatSnippetEditor(shown, locale, say);
      } else if (name === 'reset') reset();
    },
  };
}
