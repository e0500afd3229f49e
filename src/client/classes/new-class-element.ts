/**
 * `<gml-new-class>`: presets, picking and ordering exercises, and creating the class. What the
 * instructor typed and picked stays in the form on every failure.
 */
import { CLASS_LIMITS } from '@go-memory-lab/sandbox-api/protocol';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import type { ClassExercise } from '../../lib/classes/class-exercises.ts';
import { CLASS_PRESETS, presetExercises, totalMinutes } from '../../lib/classes/presets.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { slot } from '../slot.ts';

class GmlNewClass extends HTMLElement {
  #mounted = false;

  connectedCallback(): void {
    if (this.#mounted) return;
    this.#mounted = true;
    const locale = documentLocale();
    const all = JSON.parse(slot(this, 'payload').textContent ?? '[]') as ClassExercise[];
    const form = slot<HTMLFormElement>(this, 'form');
    const list = slot<HTMLOListElement>(this, 'picks');
    const summary = slot(this, 'summary');
    const error = slot(this, 'error');
    const submit = slot<HTMLButtonElement>(this, 'submit');
    const items = () => [...list.querySelectorAll<HTMLLIElement>('.cls-pick')];
    const boxOf = (li: HTMLLIElement) => li.querySelector<HTMLInputElement>('input')!;
    const picked = () =>
      items()
        .filter((li) => boxOf(li).checked)
        .map((li) => li.dataset['slug']!);

    const refresh = () => {
      for (const li of items()) li.dataset['picked'] = String(boxOf(li).checked);
      const slugs = picked();
      summary.textContent = t(locale, 'class.new.summary', {
        count: slugs.length,
        minutes: totalMinutes(slugs, all),
      });
    };

    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
      b.addEventListener('click', () => {
        const preset = CLASS_PRESETS.find((p) => p.id === b.dataset['preset']);
        if (!preset) return;
        const chosen = new Set(presetExercises(preset, all));
        // A preset restores course order, then ticks its exercises.
        for (const e of all) {
          const li = list.querySelector<HTMLLIElement>(`[data-slug="${e.slug}"]`);
          if (!li) continue;
          list.append(li);
          boxOf(li).checked = chosen.has(e.slug);
        }
        const name = form.elements.namedItem('name') as HTMLInputElement;
        if (name.value.trim() === '') name.value = b.textContent?.trim() ?? '';
        error.textContent = '';
        refresh();
      });
    }
    list.addEventListener('change', refresh);
    list.addEventListener('click', (ev) => {
      const btn = (ev.target as HTMLElement).closest<HTMLButtonElement>('[data-move]');
      const li = btn?.closest<HTMLLIElement>('.cls-pick');
      if (!btn || !li) return;
      if (btn.dataset['move'] === 'up' && li.previousElementSibling)
        li.previousElementSibling.before(li);
      if (btn.dataset['move'] === 'down' && li.nextElementSibling) li.nextElementSibling.after(li);
      btn.focus();
      refresh();
    });

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void create();
    });

    const create = async () => {
      const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
      const exercises = picked();
      if (name === '') return void (error.textContent = t(locale, 'class.new.needName'));
      if ([...name].length > CLASS_LIMITS.maxNameChars)
        return void (error.textContent = t(locale, 'class.new.nameTooLong'));
      if (exercises.length === 0)
        return void (error.textContent = t(locale, 'class.new.needExercise'));
      error.textContent = '';
      submit.disabled = true;
      summary.textContent = t(locale, 'class.new.creating');
      const minutes = Math.max(5, totalMinutes(exercises, all));
      const out = await classApi.create({ name, exercises, minutes }, { base: API_BASE });
      submit.disabled = false;
      refresh();
      if (!out.ok) {
        error.textContent =
          out.error.status === 0
            ? t(locale, 'class.unreachable')
            : t(locale, 'class.new.failed', { message: apiErrorText(locale, out.error) });
        return;
      }
      const abs = (p: string) => new URL(p, location.origin).href;
      slot<HTMLInputElement>(this, 'join-link').value = abs(out.value.joinUrl);
      slot<HTMLInputElement>(this, 'dashboard-link').value = abs(out.value.dashboardUrl);
      slot<HTMLAnchorElement>(this, 'open-dashboard').href = out.value.dashboardUrl;
      const result = slot(this, 'result');
      result.hidden = false;
      result.querySelector<HTMLElement>('h2')?.focus();
    };

    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
      b.addEventListener('click', () => {
        const input = slot<HTMLInputElement>(this, b.dataset['copy']!);
        input.select();
        void navigator.clipboard?.writeText(input.value).then(
          () => (slot(this, 'copy-status').textContent = t(locale, 'class.new.copied')),
          () => {},
        );
      });
    }

    for (const b of this.querySelectorAll<HTMLButtonElement>('button[disabled]'))
      b.disabled = false;
    refresh();
    this.dataset['ready'] = 'true';
  }
}

if (!customElements.get('gml-new-class')) customElements.define('gml-new-class', GmlNewClass);
