/**
 * Wires one exercise page: editor, Check (every goal judged on the real toolchain), hints one at
 * a time, solution reveal with the learner's code kept, progress saved on every change, and
 * previous/next that follow an instructor's `?seq=` when there is one.
 */
import { StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { AnalyzeResponse, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { renderResultSlots } from '../../components/snippet/render-result.ts';
import { analyze, type AnalyzeFailure } from '../../lib/api/client.ts';
import { checkExercise, type Analyzer } from '../../lib/exercises/check.ts';
import type { ExercisePayload } from '../../lib/exercises/payload.ts';
import { savedCode, setAsideMessage } from '../../lib/exercises/saved-code.ts';
import {
  exerciseHref,
  neighbours,
  parseSequence,
  sequenceQuery,
} from '../../lib/exercises/sequence.ts';
import { hashFiles } from '../../lib/hash.ts';
import { classify } from '../../lib/results/classify.ts';
import { decisionsToMarks, errorsToMarks } from '../../lib/results/marks.ts';
import { linkExerciseToClass } from '../classes/report-check.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { documentLocale, pathInLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { failureMessage } from '../snippet/failure-message.ts';
import { createEditor, type SnippetEditor } from '../snippet/editor.ts';
import { setGoalStates, showGoalReports } from './goal-view.ts';
import { readProgress, readStash, recordExercise, stashCode } from './progress-store.ts';

class AnalyzeError extends Error {
  readonly failure: AnalyzeFailure;
  constructor(failure: AnalyzeFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

/** One retry after a 429's Retry-After (capped), since a check is several analyses in a row. */
const analyzer: Analyzer = async (req) => {
  for (let attempt = 0; ; attempt++) {
    const out = await analyze(req, { base: API_BASE });
    if (out.ok) return out.result;
    const wait = out.error.retryAfter;
    if (attempt === 0 && out.error.status === 429 && wait !== undefined && wait <= 10) {
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    throw new AnalyzeError(out.error);
  }
};

function $(root: HTMLElement, slot: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-slot="${slot}"]`);
  if (!el) throw new Error(`exercise page lacks [data-slot="${slot}"]`);
  return el;
}

function button(root: HTMLElement, action: string): HTMLButtonElement {
  const el = root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!el) throw new Error(`exercise page lacks [data-action="${action}"]`);
  return el;
}

const locale = documentLocale();

function applySequence(root: HTMLElement, p: ExercisePayload): void {
  const seq = parseSequence(location.search, p.order);
  if (!seq || !seq.slugs.includes(p.slug)) return;
  const n = neighbours(seq.slugs, p.slug);
  for (const dir of ['prev', 'next'] as const) {
    const link = $(root, dir) as HTMLAnchorElement;
    const target = n[dir];
    link.hidden = !target;
    if (target) {
      link.href = pathInLocale(exerciseHref(target, seq.slugs), locale);
      $(root, `${dir}-title`).textContent = p.titles[target] ?? target;
    }
  }
  ($(root, 'index-link') as HTMLAnchorElement).href = pathInLocale(
    `/workshop/${sequenceQuery(seq.slugs)}`,
    locale,
  );
  if (n.position)
    $(root, 'position').textContent = t(locale, 'workshop.seqPosition', {
      n: n.position.index,
      total: n.position.of,
    });
}

export function mountExercise(root: HTMLElement): void {
  const payloadEl = root.querySelector('script[data-slot="payload"]');
  const p = JSON.parse(payloadEl?.textContent ?? '{}') as ExercisePayload;
  applySequence(root, p);
  // Only when this browser joined a class that includes this exercise (issue 15).
  const classLink = linkExerciseToClass(root, p.slug);
  const status = $(root, 'status');
  const mainName = p.start[0]!.name;
  const startCache = new Map<string, AnalyzeResponse[]>();
  let saved = readProgress().exercises[p.slug];
  let stash: SourceFile[] | undefined = readStash(p.slug);

  const filesWith = (main: string): SourceFile[] =>
    p.start.map((f) => (f.name === mainName ? { ...f, content: main } : f));
  const startHash = hashFiles(p.start);
  const code = savedCode(saved, p.start, startHash);
  // Code saved against another start is kept aside (an existing stash is the learner's own code
  // from before a solution reveal, and stays first in line).
  if (code.kind === 'set-aside' && stash === undefined) {
    stash = code.files;
    stashCode(p.slug, stash);
  }
  const initial =
    (code.kind === 'load' ? code.files.find((f) => f.name === mainName)?.content : undefined) ??
    p.start[0]!.content;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const host = $(root, 'editor');
  host.replaceChildren();
  const editor: SnippetEditor = createEditor(
    host,
    initial,
    {
      onChange(text) {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => {
          saved = recordExercise(p.slug, { files: filesWith(text), startHash });
        }, 400);
      },
      onRun: () => void check(),
      onPickDecision: () => {},
    },
    t(locale, 'workshop.editorLabel', { file: mainName }),
  );
  // Wrapped lines and no inner scrolling: nothing scrolls that the keyboard cannot reach, and
  // the whole file stays readable at 375 px.
  editor.view.dispatch({ effects: StateEffect.appendConfig.of(EditorView.lineWrapping) });

  const checkBtn = button(root, 'check');
  const resetBtn = button(root, 'reset');
  const solutionBtn = button(root, 'solution');
  const restoreBtn = button(root, 'restore');
  const hintBtn = button(root, 'hint');
  const banner = $(root, 'solved-banner');
  const showSolved = () => (banner.hidden = saved?.status !== 'solved');
  showSolved();
  restoreBtn.hidden = stash === undefined;
  if (code.kind === 'set-aside') status.textContent = setAsideMessage(code.reason, locale);

  const showResult = (r: AnalyzeResponse | undefined, text: string) => {
    const box = $(root, 'results');
    if (!r) return;
    const doc = { file: mainName, text };
    editor.setMarks({
      decisions: decisionsToMarks(r.decisions, doc).filter((m) =>
        ['heap', 'stack'].includes(classify(m.decision.kind)),
      ),
      errors: errorsToMarks(r.compileErrors, doc),
    });
    const slots = renderResultSlots(
      r,
      'live',
      p.start.map((f) => f.name),
      new Set(['heap', 'stack']),
    );
    for (const k of ['meta', 'errors', 'decisions', 'output', 'gc', 'bench'] as const)
      $(root, k).innerHTML = slots[k];
    box.hidden = false;
  };

  async function check(): Promise<void> {
    if (checkBtn.disabled) return;
    clearTimeout(saveTimer);
    const text = editor.text();
    const files = filesWith(text);
    checkBtn.disabled = true;
    root.dataset['busy'] = 'true';
    setGoalStates(root, 'checking');
    try {
      const report = await checkExercise(
        { goals: p.goals, base: p.base, current: files, start: p.start, checks: p.checks },
        analyzer,
        {
          startCache,
          locale,
          onProgress: (done, total, label) => {
            status.textContent = t(locale, 'workshop.checking', {
              what: label,
              n: done + 1,
              total,
            });
          },
        },
      );
      showGoalReports(root, report.goals);
      showResult(report.current, text);
      const met = report.goals.filter((g) => g.met).length;
      saved = recordExercise(p.slug, {
        files,
        startHash,
        attempts: (saved?.attempts ?? 0) + 1,
        ...(report.allMet ? { status: 'solved' as const } : {}),
      });
      showSolved();
      void classLink?.report(report, text);
      status.textContent = report.allMet
        ? t(locale, 'workshop.allMet', { met })
        : t(locale, 'workshop.someMet', { met, total: report.goals.length });
    } catch (err) {
      setGoalStates(root, 'unchecked');
      status.textContent =
        err instanceof AnalyzeError
          ? failureMessage(err.failure, false, locale)
          : t(locale, 'workshop.checkFailed', { error: String(err) });
    } finally {
      checkBtn.disabled = false;
      delete root.dataset['busy'];
    }
  }

  checkBtn.addEventListener('click', () => void check());

  resetBtn.addEventListener('click', () => {
    if (!confirm(t(locale, 'workshop.confirmReset'))) return;
    editor.setText(p.start[0]!.content);
    setGoalStates(root, 'unchecked');
    status.textContent = t(locale, 'workshop.backToStart');
  });

  solutionBtn.addEventListener('click', () => {
    if (!confirm(t(locale, 'workshop.confirmSolution'))) return;
    stash = filesWith(editor.text());
    stashCode(p.slug, stash);
    editor.setText(p.solution.find((f) => f.name === mainName)?.content ?? '');
    saved = recordExercise(p.slug, { solutionRevealed: true });
    restoreBtn.hidden = false;
    setGoalStates(root, 'unchecked');
    status.textContent = t(locale, 'workshop.solutionShown');
  });

  restoreBtn.addEventListener('click', () => {
    const mine = stash?.find((f) => f.name === mainName)?.content;
    if (mine === undefined) return;
    editor.setText(mine);
    stash = undefined;
    stashCode(p.slug, undefined);
    restoreBtn.hidden = true;
    setGoalStates(root, 'unchecked');
    status.textContent = t(locale, 'workshop.codeBack');
  });

  const hints = [...root.querySelectorAll<HTMLElement>('.ws-hint')];
  const showHints = (n: number) => {
    hints.forEach((h, i) => (h.hidden = i >= n));
    hintBtn.hidden = n >= hints.length;
    $(root, 'hint-count').textContent = String(n + 1);
  };
  showHints(saved?.hintsShown ?? 0);
  hintBtn.addEventListener('click', () => {
    const n = Math.min((saved?.hintsShown ?? 0) + 1, hints.length);
    saved = recordExercise(p.slug, { hintsShown: n });
    showHints(n);
    hints[n - 1]?.focus();
  });
  for (const h of hints) h.tabIndex = -1;

  for (const b of [checkBtn, resetBtn, solutionBtn, hintBtn]) b.disabled = false;
  root.dataset['ready'] = 'true';
}
