import type { ClassLearner } from '@go-memory-lab/sandbox-api/protocol';
import type { MessageKey } from '../../i18n/t.ts';
import { cellOf, cellState, clock } from '../../lib/classes/grid.ts';
import { el } from './dashboard-dom.ts';

type Tr = (k: MessageKey, p?: Record<string, string | number>) => string;

/** What a cell says in words: its state, the failing goal and goals met (its accessible name). */
export function cellText(tr: Tr, l: ClassLearner, slug: string): string {
  const c = cellOf(l, slug);
  const state = cellState(c);
  if (!c || state === 'not-started') return tr('class.cell.notStarted');
  const goals = tr('class.cell.goals', {
    met: c.goals.filter(Boolean).length,
    total: c.goals.length,
  });
  if (state === 'solved')
    return `${tr('class.cell.solved', { time: clock(c.solvedSeconds ?? c.seconds) })} · ${goals}`;
  const failing = c.failing
    ? ` · ${tr('class.cell.failingGoal', { goal: c.failing.goal + 1 })}`
    : '';
  return `${tr('class.cell.trying', { n: c.attempts })}${failing} · ${goals}`;
}

/**
 * One learner × exercise cell of the grid: a button that opens its detail once the learner
 * has started, plain text before.
 */
export function cellElement(
  tr: Tr,
  l: ClassLearner,
  slug: string,
  title: string,
  open: () => void,
): HTMLElement {
  const c = cellOf(l, slug);
  const state = cellState(c);
  if (!c)
    return el('span', tr('class.cell.notStarted'), { class: 'cls-cell', 'data-state': state });
  const b = el('button', undefined, {
    type: 'button',
    class: 'cls-cell',
    'data-state': state,
    'data-cell': `${l.id}/${slug}`,
    'aria-label': tr('class.cell.open', {
      learner: l.name,
      exercise: title,
      state: cellText(tr, l, slug),
    }),
  });
  const main =
    state === 'solved'
      ? tr('class.cell.solved', { time: clock(c.solvedSeconds ?? c.seconds) })
      : tr('class.cell.trying', { n: c.attempts }) +
        (c.failing ? ` · ${tr('class.cell.failingGoal', { goal: c.failing.goal + 1 })}` : '');
  b.append(el('span', main));
  const goals = el('span', undefined, { class: 'cls-goals', 'aria-hidden': 'true' });
  c.goals.forEach((met, i) =>
    goals.append(
      el('span', `${i + 1}${met ? '✓' : '✗'}`, { class: 'cls-goal', 'data-met': String(met) }),
    ),
  );
  b.append(goals);
  b.addEventListener('click', open);
  return b;
}
