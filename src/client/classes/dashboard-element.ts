/**
 * `<gml-class-dashboard>`: the instructor's live grid. Follows the class (`follow-class.ts`: a
 * live stream of changed rows, polling with an ETag when the stream is unavailable), draws
 * learners × exercises with each cell's state and goals, sorts by "stuck longest", opens a
 * cell's detail (goals, the failing reason, shared code), switches to a projector view of room
 * totals, exports CSV, and ends the class. Every name is set as text, never as HTML. Without a valid key nothing is shown.
 */
import type { ClassDashboard, ClassLearner } from '@go-memory-lab/sandbox-api/protocol';
import { documentLocale, htmlLang } from '../../i18n/locales.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { classApi } from '../../lib/classes/class-api.ts';
import type { ClassExercise } from '../../lib/classes/class-exercises.ts';
import {
  clock,
  roomTotals,
  sortLearners,
  stuckSeconds,
  type SortOrder,
} from '../../lib/classes/grid.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { cellElement } from './dashboard-cell.ts';
import { openCellDetail } from './dashboard-detail.ts';
import { el } from './dashboard-dom.ts';
import { followClass } from './follow-class.ts';
import { slot } from '../slot.ts';

class GmlClassDashboard extends HTMLElement {
  #mounted = false;

  connectedCallback(): void {
    if (this.#mounted) return;
    this.#mounted = true;
    this.#mount();
  }

  #mount(): void {
    const locale = documentLocale();
    const tr = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
    const exercises = new Map(
      (JSON.parse(slot(this, 'payload').textContent ?? '[]') as ClassExercise[]).map((e) => [
        e.slug,
        e,
      ]),
    );
    const titleOf = (slug: string) => exercises.get(slug)?.title ?? slug;
    const params = new URLSearchParams(location.search);
    const id = params.get('c') ?? '';
    const key = params.get('key') ?? '';
    const status = slot(this, 'status');
    const board = slot(this, 'board');
    const sortSel = slot<HTMLSelectElement>(this, 'sort');
    const projBtn = this.querySelector<HTMLButtonElement>('[data-action="projector"]')!;
    const endBtn = this.querySelector<HTMLButtonElement>('[data-action="end"]')!;
    let data: ClassDashboard | undefined;
    let stopFollowing = (): void => undefined;
    let projector = params.get('view') === 'projector';

    const stop = (message: MessageKey, showBack: boolean) => {
      stopFollowing();
      board.hidden = true;
      board
        .querySelectorAll('[data-slot="rows"], [data-slot="projector-list"]')
        .forEach((n) => n.replaceChildren());
      data = undefined;
      status.textContent = tr(message);
      slot(this, 'gone').hidden = !showBack;
      this.dataset['ready'] = 'true';
      this.dataset['state'] = message;
    };

    if (id === '' || key === '') return stop('class.dash.forbidden', false);

    const joinUrl = () => new URL(`/workshop/classes/join/?c=${id}`, location.origin).href;
    const timeFmt = new Intl.DateTimeFormat(htmlLang[locale], { timeStyle: 'medium' });

    // Rows are rebuilt only for learners whose data changed: with 300 learners a check
    // touches one row, and redrawing 3,900 cells on every poll kept a loaded laptop busy.
    const rowCache = new Map<
      string,
      { sig: string; row: HTMLTableRowElement; stuck: HTMLElement }
    >();
    let headFor = '';
    const renderGrid = (d: ClassDashboard) => {
      const started = performance.now();
      const head = slot(this, 'head');
      if (headFor !== d.class.exercises.join()) {
        headFor = d.class.exercises.join();
        head.replaceChildren(
          el('th', tr('class.dash.learner'), { scope: 'col' }),
          ...d.class.exercises.map((s) => el('th', titleOf(s), { scope: 'col' })),
        );
      }
      const focused = document.activeElement as HTMLElement | null;
      const focusKey = focused?.dataset['cell'];
      const live = new Set<string>();
      const rows = sortLearners(d, sortSel.value as SortOrder, htmlLang[locale]).map((l) => {
        live.add(l.id);
        const sig = JSON.stringify(l);
        let entry = rowCache.get(l.id);
        if (entry?.sig !== sig) {
          const row = el('tr', undefined, { 'data-learner': l.id });
          const th = el('th', l.name, { scope: 'row' });
          const stuck = el('span', undefined, { class: 'cls-stuck' });
          th.append(stuck);
          row.append(th);
          for (const s of d.class.exercises) {
            const td = el('td');
            td.append(cellView(l, s));
            row.append(td);
          }
          entry = { sig, row, stuck };
          rowCache.set(l.id, entry);
        }
        const secs = stuckSeconds(l, d.now, d.class.exercises);
        const text = secs > 0 ? tr('class.dash.stuck', { time: clock(secs) }) : '';
        if (entry.stuck.textContent !== text) entry.stuck.textContent = text;
        return entry.row;
      });
      for (const id of rowCache.keys()) if (!live.has(id)) rowCache.delete(id);
      const body = slot(this, 'rows');
      const same =
        body.children.length === rows.length && rows.every((r, i) => body.children[i] === r);
      if (!same) body.replaceChildren(...rows);
      if (focusKey && document.activeElement !== focused)
        this.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focusKey)}"]`)?.focus();
      this.dataset['renderMs'] = (performance.now() - started).toFixed(1);
    };

    const cellView = (l: ClassLearner, slug: string): HTMLElement =>
      cellElement(tr, l, slug, titleOf(slug), () => void openDetail(l, slug));

    const renderProjector = (d: ClassDashboard) => {
      slot(this, 'projector-learners').textContent = tr('class.projector.learners', {
        n: d.learners.length,
      });
      slot(this, 'projector-list').replaceChildren(
        ...roomTotals(d).map((x) => {
          const li = el('li');
          li.append(
            el('strong', titleOf(x.exercise)),
            el('span', tr('class.projector.row', { ...x })),
          );
          return li;
        }),
      );
    };

    const render = () => {
      const d = data;
      if (!d) return;
      slot(this, 'heading').textContent = d.class.name;
      const solves = d.learners.reduce((n, l) => n + l.cells.filter((c) => c.solvedAt).length, 0);
      slot(this, 'facts').textContent = tr('class.dash.facts', {
        learners: d.learners.length,
        solves,
        url: joinUrl(),
      });
      const empty = slot(this, 'empty');
      empty.hidden = d.learners.length > 0;
      empty.textContent = tr('class.dash.empty', { url: joinUrl() });
      slot(this, 'grid-view').hidden = projector || d.learners.length === 0;
      slot(this, 'projector').hidden = !projector;
      this.classList.toggle('cls-projector', projector);
      projBtn.setAttribute('aria-pressed', String(projector));
      projBtn.textContent = tr(projector ? 'class.projector.exit' : 'class.dash.projector');
      if (projector) renderProjector(d);
      else renderGrid(d);
    };

    const openDetail = (l: ClassLearner, slug: string) =>
      openCellDetail(
        {
          root: this,
          locale,
          classId: id,
          key,
          exercise: exercises.get(slug),
          title: titleOf(slug),
        },
        l,
        slug,
      );

    slot<HTMLAnchorElement>(this, 'csv').href = classApi.csvHref(id, key, API_BASE);
    sortSel.addEventListener('change', render);
    projBtn.addEventListener('click', () => {
      projector = !projector;
      const url = new URL(location.href);
      if (projector) url.searchParams.set('view', 'projector');
      else url.searchParams.delete('view');
      history.replaceState(null, '', url);
      render();
    });
    endBtn.addEventListener('click', () => {
      if (!confirm(tr('class.dash.endConfirm'))) return;
      void classApi.end(id, key, { base: API_BASE }).then((out) => {
        if (out.ok || out.error.status === 404) stop('class.dash.ended', true);
        else slot(this, 'live').textContent = apiErrorText(locale, out.error);
      });
    });
    const following = followClass(id, key, {
      onData: (d) => {
        data = d;
        status.textContent = '';
        board.hidden = false;
        render();
        this.dataset['revision'] = String(d.revision);
      },
      onLive: () => {
        slot(this, 'live').textContent = tr('class.dash.live', {
          time: timeFmt.format(new Date()),
        });
        this.dataset['ready'] = 'true';
      },
      onRetrying: () => (slot(this, 'live').textContent = tr('class.dash.retrying')),
      onStop: (why) =>
        why === 'forbidden' ? stop('class.dash.forbidden', false) : stop('class.unknown', true),
      onTransport: (t) => (this.dataset['transport'] = t),
    });
    stopFollowing = () => following.stop();
  }
}

if (!customElements.get('gml-class-dashboard'))
  customElements.define('gml-class-dashboard', GmlClassDashboard);
