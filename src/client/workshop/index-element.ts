/**
 * `<gml-workshop-index>`: statuses from this browser's progress, the `?seq=` filter, progress
 * export/import, and the instructor's sequence-link builder.
 */
import type { Progress } from '../../lib/exercises/progress-schema.ts';
import {
  exportProgress,
  importProgress,
  mergeProgress,
  progressProblemText,
} from '../../lib/exercises/progress.ts';
import { STATUS_LABEL, type StatusKey } from '../../lib/exercises/labels.ts';
import { exerciseHref, parseSequence, sequenceQuery } from '../../lib/exercises/sequence.ts';
import { readProgress, writeProgress } from './progress-store.ts';
import { documentLocale, pathInLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { slot } from '../slot.ts';

const locale = documentLocale();

function action<T extends HTMLElement = HTMLButtonElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[data-action="${name}"]`);
  if (!el) throw new Error(`workshop index lacks [data-action="${name}"]`);
  return el;
}

function paintStatuses(root: HTMLElement, items: HTMLElement[], p: Progress): void {
  let solved = 0;
  let minutesLeft = 0;
  for (const li of items) {
    const slug = li.dataset['slug'] ?? '';
    const key: StatusKey = p.exercises[slug]?.status ?? 'new';
    if (key === 'solved') solved++;
    else minutesLeft += Number(li.dataset['minutes'] ?? 0);
    const badge = slot(li, 'status');
    badge.dataset['status'] = key;
    badge.textContent = t(locale, STATUS_LABEL[key]);
  }
  slot(root, 'summary').textContent = t(
    locale,
    solved < items.length ? 'workshop.summary' : 'workshop.summaryDone',
    { solved, total: items.length, minutes: minutesLeft },
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

class WorkshopIndex extends HTMLElement {
  connectedCallback(): void {
    const list = slot<HTMLOListElement>(this, 'list');
    const all = [...list.querySelectorAll<HTMLElement>('.ws-item')];
    const slugs = all.map((li) => li.dataset['slug'] ?? '');
    let items = all;

    const seq = parseSequence(location.search, slugs);
    if (seq) {
      items = seq.slugs.map((s) => all[slugs.indexOf(s)]!);
      for (const li of all) li.hidden = !items.includes(li);
      list.replaceChildren(...items, ...all.filter((li) => !items.includes(li)));
      for (const li of items) {
        const a = li.querySelector<HTMLAnchorElement>('h2 a');
        if (a) a.href = pathInLocale(exerciseHref(li.dataset['slug'] ?? '', seq.slugs), locale);
      }
      slot(this, 'seq-banner').hidden = false;
      const chosen =
        seq.slugs.length === 1
          ? t(locale, 'workshop.seqChosenOne')
          : t(locale, 'workshop.seqChosenMany', { n: seq.slugs.length });
      const unknown = seq.unknown.length
        ? t(locale, 'workshop.seqUnknown', { slugs: seq.unknown.join(', ') })
        : '';
      slot(this, 'seq-text').textContent = [chosen, unknown].filter(Boolean).join(' ');
    }
    paintStatuses(this, items, readProgress());
    // Another tab solving an exercise updates this list too.
    window.addEventListener('storage', () => paintStatuses(this, items, readProgress()));

    const exportBtn = action(this, 'export');
    exportBtn.addEventListener('click', () => {
      download(
        `go-memory-lab-progress-${new Date().toISOString().slice(0, 10)}.json`,
        exportProgress(readProgress()),
      );
    });

    const importInput = action<HTMLInputElement>(this, 'import');
    const importStatus = slot(this, 'import-status');
    importInput.addEventListener('change', () => {
      void (async () => {
        const file = importInput.files?.[0];
        if (!file) return;
        const r = importProgress(await file.text());
        if (!r.ok) {
          importStatus.textContent = t(locale, 'workshop.notImported', {
            error: progressProblemText(locale, r.error),
          });
        } else {
          const merged = mergeProgress(readProgress(), r.progress);
          writeProgress(merged);
          paintStatuses(this, items, merged);
          const n = Object.keys(r.progress.exercises).length;
          const one = n === 1;
          importStatus.textContent = r.migratedFrom
            ? t(locale, one ? 'workshop.importedOneMigrated' : 'workshop.importedManyMigrated', {
                n,
                version: r.migratedFrom,
              })
            : t(locale, one ? 'workshop.importedOne' : 'workshop.importedMany', { n });
        }
        importInput.value = '';
      })();
    });

    const picks = [...this.querySelectorAll<HTMLInputElement>('[data-action="pick"]')];
    const chosen: string[] = [];
    const linkField = slot<HTMLInputElement>(this, 'seq-link');
    const copyBtn = action(this, 'copy-seq');
    const updateLink = () => {
      linkField.value = chosen.length ? `${location.origin}/workshop/${sequenceQuery(chosen)}` : '';
      copyBtn.disabled = chosen.length === 0;
    };
    for (const box of picks) {
      box.addEventListener('change', () => {
        const i = chosen.indexOf(box.value);
        if (box.checked && i < 0) chosen.push(box.value);
        if (!box.checked && i >= 0) chosen.splice(i, 1);
        updateLink();
      });
    }
    const buildBtn = action(this, 'build-seq');
    buildBtn.addEventListener('click', () => {
      for (const box of picks) (box.closest('label') as HTMLElement).hidden = false;
      buildBtn.disabled = true;
      picks[0]?.focus();
    });
    copyBtn.addEventListener('click', () => {
      void (async () => {
        try {
          await navigator.clipboard.writeText(linkField.value);
          copyBtn.textContent = t(locale, 'workshop.copied');
        } catch {
          linkField.select();
        }
      })();
    });

    for (const el of [exportBtn, importInput, buildBtn]) (el as HTMLButtonElement).disabled = false;
    this.dataset['ready'] = 'true';
  }
}

if (!customElements.get('gml-workshop-index'))
  customElements.define('gml-workshop-index', WorkshopIndex);
