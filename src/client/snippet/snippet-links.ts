import { t } from '../../i18n/t.ts';
import { playgroundHref, snippetHref } from './playground-link.ts';
import { badKnobs, readToolbar } from './request.ts';
import { linkToCopy } from './short-link.ts';
import type { SnippetContext } from './snippet-context.ts';

/** Points "Open in playground" and "Link to this snippet" at the code and options on screen. */
export function updateSnippetLinks(ctx: SnippetContext): void {
  const { root, config, locale } = ctx;
  const a = root.querySelector<HTMLAnchorElement>('[data-action="play"]');
  const self = root.querySelector<HTMLAnchorElement>('[data-action="link"]');
  const toolbar = readToolbar(root, config.knobs);
  // A knob value the contract refuses cannot be put in a link: keep the last good one.
  if (badKnobs(toolbar.env, locale).length > 0) return;
  const files = ctx.currentFiles();
  if (a) a.href = playgroundHref(files, toolbar);
  const unchanged =
    files.every((f, i) => f.content === config.files[i]?.content) &&
    toolbar.mode === config.mode &&
    toolbar.escapeDetail === config.escapeDetail &&
    toolbar.inline === config.inline &&
    JSON.stringify(toolbar.env) === JSON.stringify(config.env);
  if (self) self.setAttribute('href', snippetHref(config.id, files, toolbar, unchanged));
}

/** Copies the snippet's link: its anchor when unchanged, else a short link if it can. */
export async function copySnippetLink(ctx: SnippetContext): Promise<void> {
  const { root, config, locale, say } = ctx;
  const self = root.querySelector<HTMLAnchorElement>('[data-action="link"]');
  if (!self) return;
  const edited = self.getAttribute('href') !== `#${config.id}`;
  const { text, short } = edited
    ? await linkToCopy(config.id, ctx.currentFiles(), readToolbar(root, config.knobs), self.href)
    : { text: self.href, short: false };
  root.dataset['copiedLink'] = text;
  await navigator.clipboard
    ?.writeText(text)
    .then(() => say(t(locale, short ? 'snippet.shortLinkCopied' : 'snippet.linkCopied')))
    .catch(() => say(text));
}
