/**
 * `<gml-join-class>`: looks the class up, takes a display name, joins with this browser's
 * learner token (kept per class, so joining again is the same learner), and opens the class's
 * first exercise with the class's sequence driving previous/next.
 */
import { CLASS_ID_PATTERN, CLASS_LIMITS } from '@go-memory-lab/sandbox-api/protocol';
import { documentLocale, localeOfPath, pathInLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import type { ClassExercise } from '../../lib/classes/class-exercises.ts';
import { exerciseHref } from '../../lib/exercises/sequence.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { membership, newLearnerToken, saveMembership } from './membership-store.ts';
import { slot } from '../slot.ts';

class GmlJoinClass extends HTMLElement {
  #mounted = false;

  connectedCallback(): void {
    if (this.#mounted) return;
    this.#mounted = true;
    void this.#mount();
  }

  async #mount(): Promise<void> {
    const locale = documentLocale();
    const all = JSON.parse(slot(this, 'payload').textContent ?? '[]') as ClassExercise[];
    const status = slot(this, 'status');
    const id = new URLSearchParams(location.search).get('c') ?? '';
    const gone = (key: 'class.unknown' | 'class.unreachable') => {
      status.textContent = t(locale, key);
      slot(this, 'gone').hidden = key !== 'class.unknown';
      this.dataset['ready'] = 'true';
    };
    if (!CLASS_ID_PATTERN.test(id)) return gone('class.unknown');
    const info = await classApi.info(id, { base: API_BASE });
    if (!info.ok) return gone(info.error.status === 404 ? 'class.unknown' : 'class.unreachable');
    const cls = info.value;

    slot(this, 'heading').textContent = t(locale, 'class.join.heading', { name: cls.name });
    document.title = `${cls.name} · ${document.title}`;
    status.textContent = '';
    const titles = new Map(all.map((e) => [e.slug, e]));
    slot(this, 'facts').textContent = t(locale, 'class.join.facts', {
      count: cls.exercises.length,
      minutes: cls.exercises.reduce((n, s) => n + (titles.get(s)?.minutes ?? 0), 0),
    });
    slot(this, 'exercises').replaceChildren(
      ...cls.exercises.map((s) => {
        const li = document.createElement('li');
        li.textContent = titles.get(s)?.title ?? s;
        return li;
      }),
    );
    const form = slot<HTMLFormElement>(this, 'form');
    const nameInput = form.elements.namedItem('name') as HTMLInputElement;
    const shareInput = form.elements.namedItem('shareCode') as HTMLInputElement;
    const error = slot(this, 'error');
    const known = membership(id);
    if (known) {
      nameInput.value = known.name;
      shareInput.checked = known.shareCode;
      const again = slot(this, 'again');
      again.textContent = t(locale, 'class.join.again', { name: known.name });
      again.hidden = false;
    }
    slot(this, 'found').hidden = false;

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void join();
    });
    const join = async () => {
      const name = nameInput.value.trim();
      if (name === '') return void (error.textContent = t(locale, 'class.new.needName'));
      if ([...name].length > CLASS_LIMITS.maxNameChars)
        return void (error.textContent = t(locale, 'class.new.nameTooLong'));
      error.textContent = '';
      status.textContent = t(locale, 'class.join.joining');
      const token = membership(id)?.token ?? newLearnerToken();
      const out = await classApi.join(id, { name, token }, { base: API_BASE });
      status.textContent = '';
      if (!out.ok) {
        error.textContent =
          out.error.code === 'class_full'
            ? t(locale, 'class.join.full', { max: CLASS_LIMITS.maxLearners })
            : out.error.status === 0
              ? t(locale, 'class.unreachable')
              : out.error.status === 404
                ? t(locale, 'class.unknown')
                : t(locale, 'class.join.failed', { message: apiErrorText(locale, out.error) });
        return;
      }
      saveMembership({
        classId: id,
        className: cls.name,
        token,
        learnerId: out.value.learnerId,
        name: out.value.name,
        shareCode: shareInput.checked,
        exercises: cls.exercises,
        opened: membership(id)?.opened ?? {},
      });
      const first = cls.exercises[0]!;
      location.assign(
        pathInLocale(exerciseHref(first, cls.exercises), localeOfPath(location.pathname)),
      );
    };
    this.dataset['ready'] = 'true';
  }
}

if (!customElements.get('gml-join-class')) customElements.define('gml-join-class', GmlJoinClass);
