/** Paints goal verdicts into the server-rendered goal list. */
import { documentLocale } from '../../i18n/locales.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import type { GoalReport } from '../../lib/exercises/check.ts';
import { renderReason } from '../../lib/exercises/reason.ts';

export type GoalState = 'unchecked' | 'checking' | 'met' | 'unmet' | 'unjudged';

const STATE_TEXT: Record<GoalState, MessageKey> = {
  unchecked: 'workshop.notChecked',
  checking: 'workshop.goal.checking',
  met: 'workshop.goal.met',
  unmet: 'workshop.goal.unmet',
  unjudged: 'workshop.goal.cannotJudge',
};

function stateText(state: GoalState): string {
  return t(documentLocale(), STATE_TEXT[state]);
}

function slot(li: Element, name: string): HTMLElement | null {
  return li.querySelector<HTMLElement>(`[data-slot="${name}"]`);
}

export function setGoalStates(root: HTMLElement, state: GoalState): void {
  for (const li of root.querySelectorAll<HTMLElement>('.ws-goal')) {
    li.dataset['state'] = state;
    const s = slot(li, 'state');
    if (s) s.textContent = stateText(state);
    if (state === 'unchecked')
      for (const n of ['reason', 'judged']) slot(li, n)?.setAttribute('hidden', '');
  }
}

export function showGoalReports(root: HTMLElement, reports: readonly GoalReport[]): void {
  reports.forEach((r, i) => {
    const li = root.querySelector<HTMLElement>(`.ws-goal[data-goal="${i}"]`);
    if (!li) return;
    // No evidence is never shown as a pass, nor as a plain failure of the learner's code.
    const state: GoalState = r.met ? 'met' : r.cannotJudge ? 'unjudged' : 'unmet';
    li.dataset['state'] = state;
    const s = slot(li, 'state');
    if (s) s.textContent = stateText(state);
    const locale = documentLocale();
    const why = renderReason(locale, r.reason);
    const reason = slot(li, 'reason');
    if (reason) {
      reason.textContent =
        state === 'unjudged' ? t(locale, 'workshop.goal.cannotJudgeWhy', { reason: why }) : why;
      reason.hidden = false;
    }
    const judged = slot(li, 'judged');
    if (judged) {
      judged.textContent = r.judgedBy
        ? t(locale, 'workshop.goal.judgedBy', { how: renderReason(locale, r.judgedBy) })
        : '';
      judged.hidden = !r.judgedBy;
    }
  });
}
