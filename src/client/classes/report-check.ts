/**
 * The exercise page's link to a class: when this browser joined a class that includes the
 * exercise, a note says so, and each check is reported (goals met, the first failing goal's
 * reason, time on the exercise, and the code only if the learner chose to share it). Learners
 * who never joined see and send nothing; a failed report never disturbs the check itself.
 */
import type { CheckReport } from '../../lib/exercises/check.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import { renderReason } from '../../lib/exercises/reason.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { activeMembershipFor, forgetMembership, noteOpened } from './membership-store.ts';

export interface ClassLink {
  report(report: CheckReport, code: string): Promise<void>;
}

export function linkExerciseToClass(root: HTMLElement, slug: string): ClassLink | undefined {
  const m = activeMembershipFor(slug);
  if (!m) return undefined;
  const locale = documentLocale();
  const openedAt = noteOpened(m, slug);
  const note = document.createElement('p');
  note.className = 'ws-class-note';
  note.dataset['slot'] = 'class-note';
  const text = document.createElement('span');
  text.textContent = `${t(locale, 'class.report.note', { name: m.className, learner: m.name })} ${t(
    locale,
    m.shareCode ? 'class.report.codeShared' : 'class.report.codeNotShared',
  )} `;
  const settings = document.createElement('a');
  settings.href = `/workshop/classes/join/?c=${encodeURIComponent(m.classId)}`;
  settings.textContent = t(locale, 'class.report.settings');
  note.append(text, settings);
  root.querySelector('h1')?.after(note);

  return {
    async report(report, code) {
      const firstUnmet = report.goals.findIndex((g) => !g.met);
      const out = await classApi.report(
        m.classId,
        {
          token: m.token,
          exercise: slug,
          goals: report.goals.map((g) => g.met),
          ...(firstUnmet >= 0
            ? {
                failing: {
                  goal: firstUnmet,
                  // Rendered in the learner's language: the class API stores text.
                  reason: renderReason(documentLocale(), report.goals[firstUnmet]!.reason).slice(
                    0,
                    500,
                  ),
                },
              }
            : {}),
          seconds: Math.max(0, Math.round((Date.now() - openedAt) / 1000)),
          ...(m.shareCode ? { code } : {}),
        },
        { base: API_BASE },
      );
      if (!out.ok && (out.error.status === 404 || out.error.status === 403)) {
        forgetMembership(m.classId);
        text.textContent = t(locale, 'class.report.ended');
        settings.remove();
      }
    },
  };
}
