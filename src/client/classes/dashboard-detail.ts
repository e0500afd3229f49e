import type { ClassLearner } from '@go-memory-lab/sandbox-api/protocol';
import { apiErrorText } from '../../i18n/api-error.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import type { ClassExercise } from '../../lib/classes/class-exercises.ts';
import { cellOf, clock } from '../../lib/classes/grid.ts';
import { slot } from '../slot.ts';
import { el } from './dashboard-dom.ts';

/** Where the detail dialog finds the class (the cell's code is fetched with the key). */
export interface DetailContext {
  root: HTMLElement;
  locale: Locale;
  classId: string;
  key: string;
  exercise: ClassExercise | undefined;
  title: string;
}

/** Opens the dialog of one cell: goals met, the failing goal's reason, the shared code. */
export async function openCellDetail(ctx: DetailContext, l: ClassLearner, slug: string) {
  const { root, locale } = ctx;
  const c = cellOf(l, slug);
  if (!c) return;
  slot(root, 'detail-heading').textContent = `${l.name} · ${ctx.title}`;
  slot(root, 'detail-attempts').textContent = t(locale, 'class.detail.attempts', {
    n: c.attempts,
    time: clock(c.seconds),
  });
  slot(root, 'detail-goals').replaceChildren(
    ...c.goals.map((met, i) =>
      el(
        'li',
        `${t(locale, met ? 'class.detail.met' : 'class.detail.unmet')}: ${ctx.exercise?.goals[i] ?? `#${i + 1}`}`,
        { 'data-met': String(met) },
      ),
    ),
  );
  const reasonBox = slot(root, 'detail-reason-box');
  reasonBox.hidden = !c.failing;
  if (c.failing) {
    slot(root, 'detail-reason-h').textContent = t(locale, 'class.detail.reason', {
      goal: c.failing.goal + 1,
    });
    slot(root, 'detail-reason').textContent = c.failing.reason;
  }
  const code = slot(root, 'detail-code');
  const noCode = slot(root, 'detail-no-code');
  code.hidden = true;
  noCode.textContent = c.hasCode
    ? t(locale, 'class.detail.loadingCode')
    : t(locale, 'class.detail.noCode', { learner: l.name });
  slot<HTMLDialogElement>(root, 'detail').showModal();
  if (!c.hasCode) return;
  const out = await classApi.cell(ctx.classId, ctx.key, l.id, slug, { base: API_BASE });
  if (out.ok && out.value.code !== undefined) {
    code.textContent = out.value.code;
    code.hidden = false;
    noCode.textContent = '';
  } else {
    noCode.textContent = out.ok
      ? t(locale, 'class.detail.noCode', { learner: l.name })
      : apiErrorText(locale, out.error);
  }
}
