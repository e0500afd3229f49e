import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { analyze } from '../../lib/api/client.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { failureMessage } from './failure-message.ts';
import { badKnobs, buildRequest, readToolbar } from './request.ts';
import type { ResultView } from './result-view.ts';
import { slot } from '../slot.ts';
import { type SnippetContext, type Tone } from './snippet-context.ts';

/** Runs of one snippet against the sandbox: at most one in flight, Stop aborts it. */
export interface SnippetRunner {
  run(): Promise<void>;
  /**
   * An option changed: a run it had scheduled is dropped, and when `rerun` (a build-mode
   * option) a new one starts after a pause, unless another change or a run comes first.
   */
  runSoon(rerun: boolean): void;
  stop(): void;
  /** Aborts a run in flight without a word (reset). */
  cancel(): void;
  /** Marks knob fields the contract refuses; returns the one message to show, if any. */
  checkKnobs(): string | undefined;
}

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

/** The status line after a live result: errors, a limit that stopped the run, or done. */
function doneStatus(r: AnalyzeResponse, decisions: number, locale: Locale): [string, Tone] {
  if (!r.ok)
    return [
      r.compileErrors.length === 1
        ? t(locale, 'snippet.compileErrorsOne')
        : t(locale, 'snippet.compileErrorsMany', { n: r.compileErrors.length }),
      'error',
    ];
  if (r.run?.timedOut)
    return [t(locale, 'status.timedOut', { ms: Math.round(r.run.wallMs), decisions }), 'error'];
  if (r.run?.outOfMemory) return [t(locale, 'status.outOfMemory', { decisions }), 'error'];
  return [t(locale, 'snippet.done', { ms: Math.round(r.timing.totalMs), decisions }), 'info'];
}

export function createSnippetRunner(ctx: SnippetContext, view: ResultView): SnippetRunner {
  const { root, config, locale, say } = ctx;
  const status = slot(root, 'status');
  let running: AbortController | undefined;
  let knobTimer: ReturnType<typeof setTimeout> | undefined;

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

  function buttons() {
    return {
      runBtn: root.querySelector<HTMLButtonElement>('[data-action="run"]'),
      stopBtn: root.querySelector<HTMLButtonElement>('[data-action="stop"]'),
    };
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
    const { runBtn, stopBtn } = buttons();
    if (runBtn) runBtn.disabled = true;
    if (stopBtn) {
      stopBtn.hidden = false;
      stopBtn.disabled = false;
    }
    root.dataset['running'] = '';
    clearTimeout(knobTimer);
    // The previous program's compile errors are not this program's: off screen while it runs.
    slot(root, 'errors').hidden = true;
    const req = buildRequest(ctx.currentFiles(), readToolbar(root, config.knobs));
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
        view.applyResult(outcome.result, 'live');
        bringIntoView(status);
        say(...doneStatus(outcome.result, view.visibleDecisions().length, locale));
      } else {
        const keptRecorded = view.origin() === 'recorded' && view.result() !== undefined;
        say(failureMessage(outcome.error, keptRecorded, locale), 'error');
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
    const { runBtn, stopBtn } = buttons();
    if (runBtn) runBtn.disabled = false;
    if (stopBtn) stopBtn.hidden = true;
    delete root.dataset['running'];
  }

  return {
    run,
    runSoon(rerun) {
      clearTimeout(knobTimer);
      if (rerun) knobTimer = setTimeout(() => void run(), 400);
    },
    /** Cancels the run: the request is aborted, and the service stops a job nobody waits for. */
    stop() {
      if (!running) return;
      running.abort();
      endRun();
      say(t(locale, 'snippet.stopped'));
    },
    cancel() {
      running?.abort();
    },
    checkKnobs,
  };
}
