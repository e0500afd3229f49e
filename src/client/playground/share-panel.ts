/**
 * The Share button: a short link from the share store (with the results the author sees, when
 * they belong to the code being shared) and, always, the long link that needs no server.
 */
import type { AnalyzeResponse, PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';
import { encodeState } from '../../lib/share/state-codec.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { need } from './dom.ts';
import { createShareLink } from './share-client.ts';

export interface ShareSnapshot {
  state: PlaygroundState;
  result?: AnalyzeResponse | undefined;
  resultB?: AnalyzeResponse | undefined;
}

/** The `<iframe>` a teacher pastes into a page; the compact embed layout fits 480 px. */
function iframeCode(src: string): string {
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const title = attr(t(documentLocale(), 'play.embedTitle'));
  return `<iframe src="${attr(src)}" width="100%" height="480" style="border:0" title="${title}" loading="lazy"></iframe>`;
}

export function bindSharePanel(root: HTMLElement, snapshot: () => ShareSnapshot): void {
  const locale = documentLocale();
  const panel = need(root, '[data-share-panel]');
  const shortLink = need<HTMLInputElement>(root, '[data-short-link]');
  const hashLink = need<HTMLInputElement>(root, '[data-hash-link]');
  const note = need(root, '[data-share-note]');
  const shortRow = need(root, '[data-short-row]');
  const embedCode = need<HTMLInputElement>(root, '[data-embed-code]');
  need(root, '[data-share]').addEventListener('click', () => {
    void (async () => {
      const { state, result, resultB } = snapshot();
      panel.hidden = false;
      const hash = encodeState(state);
      hashLink.value = `${location.origin}/play/#${hash}`;
      embedCode.value = iframeCode(`${location.origin}/play/?embed=1#${hash}`);
      // No row (and no Copy button) until there is a short link to copy.
      shortRow.hidden = true;
      shortLink.value = '';
      note.textContent = t(locale, 'share.creating');
      const made = await createShareLink(state, { result, resultB });
      if (made.ok) {
        shortLink.value = `${location.origin}${made.value.path}`;
        shortRow.hidden = false;
        embedCode.value = iframeCode(`${location.origin}${made.value.path}?embed=1`);
        note.textContent = result ? t(locale, 'share.withResult') : '';
      } else {
        note.textContent = t(locale, 'share.noShortLink', { reason: made.message });
      }
    })();
  });
  for (const btn of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    btn.addEventListener('click', () => {
      const input = need<HTMLInputElement>(root, `#${btn.dataset['copy']}`);
      input.select();
      void navigator.clipboard?.writeText(input.value).catch(() => undefined);
    });
  }
}
