/** Paints goal verdicts into the server-rendered goal list. */
import type { GoalReport } from '../../lib/exercises/check.ts';

export type GoalState = 'unchecked' | 'checking' | 'met' | 'unmet';

const STATE_TEXT: Record<GoalState, string> = {
  unchecked: 'Not checked yet',
  checking: 'Checking…',
  met: 'Met',
  unmet: 'Not met',
};

function slot(li: Element, name: string): HTMLElement | null {
  return li.querySelector<HTMLElement>(`[data-slot="${name}"]`);
}

export function setGoalStates(root: HTMLElement, state: GoalState): void {
  for (const li of root.querySelectorAll<HTMLElement>('.ws-goal')) {
    li.dataset['state'] = state;
    const s = slot(li, 'state');
    if (s) s.textContent = STATE_TEXT[state];
    if (state === 'unchecked')
      for (const n of ['reason', 'judged']) slot(li, n)?.setAttribute('hidden', '');
  }
}

export function showGoalReports(root: HTMLElement, reports: readonly GoalReport[]): void {
  reports.forEach((r, i) => {
    const li = root.querySelector<HTMLElement>(`.ws-goal[data-goal="${i}"]`);
    if (!li) return;
    const state: GoalState = r.met ? 'met' : 'unmet';
    li.dataset['state'] = state;
    const s = slot(li, 'state');
    if (s) s.textContent = STATE_TEXT[state];
    const reason = slot(li, 'reason');
    if (reason) {
      reason.textContent = r.reason;
      reason.hidden = false;
    }
    const judged = slot(li, 'judged');
    if (judged) {
      judged.textContent = r.judgedBy ? `How this was judged: ${r.judgedBy}.` : '';
      judged.hidden = !r.judgedBy;
    }
  });
}
