/**
 * The Share button: a short link from the share store (with the results the author sees, when
 * they belong to the code being shared) and, always, the long link that needs no server.
 */
import type { AnalyzeResponse, PlaygroundState } from '../../../sandbox-api/src/protocol.ts';
import { encodeState } from '../../lib/share/state-codec.ts';
import { need } from './dom.ts';
import { createShareLink } from './share-client.ts';

export interface ShareSnapshot {
  state: PlaygroundState;
  result?: AnalyzeResponse | undefined;
  resultB?: AnalyzeResponse | undefined;
}

export function bindSharePanel(root: HTMLElement, snapshot: () => ShareSnapshot): void {
  const panel = need(root, '[data-share-panel]');
  const shortLink = need<HTMLInputElement>(root, '[data-short-link]');
  const hashLink = need<HTMLInputElement>(root, '[data-hash-link]');
  const note = need(root, '[data-share-note]');
  need(root, '[data-share]').addEventListener('click', async () => {
    const { state, result, resultB } = snapshot();
    panel.hidden = false;
    hashLink.value = `${location.origin}/play/#${encodeState(state)}`;
    shortLink.value = 'creating…';
    note.textContent = '';
    const made = await createShareLink(state, { result, resultB });
    if (made.ok) {
      shortLink.value = `${location.origin}${made.value.path}`;
      note.textContent = result ? 'The short link also shows the result you see now.' : '';
    } else {
      shortLink.value = '';
      note.textContent = `No short link (${made.message}); the long link works without a server.`;
    }
  });
  for (const btn of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    btn.addEventListener('click', () => {
      const input = need<HTMLInputElement>(root, `#${btn.dataset['copy']}`);
      input.select();
      void navigator.clipboard?.writeText(input.value).catch(() => undefined);
    });
  }
}
