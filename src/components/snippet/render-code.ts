import type { Category } from '../../lib/results/classify.ts';
import { strongestCategory } from '../../lib/results/classify.ts';
import type { DecisionMark, ErrorMark } from '../../lib/results/marks.ts';
import { esc } from './html.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

/** A highlighted token as Shiki's codeToTokens gives it (dual themes, CSS variables). */
export interface CodeToken {
  content: string;
  htmlStyle?: Record<string, string> | string;
}

type Under = Category | 'error';

/**
 * github-light's orange (#E36209, 3.5:1 on white) and github-dark's comment grey (#6A737D,
 * 3.9:1 on the dark page) fall short of WCAG AA; GitHub's own newer palette has these
 * replacements. The editor's highlight style uses the same ones.
 */
const AA_COLOURS: Record<string, Record<string, string>> = {
  '--shiki-light': { '#E36209': '#BC4C00' },
  '--shiki-dark': { '#6A737D': '#8B949E' },
};

function styleAttr(t: CodeToken): string {
  if (t.htmlStyle === undefined) return '';
  const css =
    typeof t.htmlStyle === 'string'
      ? t.htmlStyle
      : Object.entries(t.htmlStyle)
          .map(([k, v]) => `${k}:${AA_COLOURS[k]?.[v.toUpperCase()] ?? v}`)
          .join(';');
  return css ? ` style="${esc(css)}"` : '';
}

/** Per-character underline family of one line: errors beat heap beats stack beats inlining. */
function underlines(
  len: number,
  spans: readonly { from: number; to: number; u: Under }[],
): (Under | undefined)[] {
  const out: (Under | undefined)[] = Array.from({ length: len });
  for (let i = 0; i < len; i++) {
    const here = spans.filter((s) => s.from <= i && i < s.to).map((s) => s.u);
    if (here.includes('error')) out[i] = 'error';
    else out[i] = strongestCategory(here.filter((u): u is Category => u !== 'error'));
  }
  return out;
}

/**
 * The static code view painted on the server: Shiki tokens, a gutter mark per line with
 * decisions, and underlines at the compiler's columns. It is what readers without JavaScript
 * (or before the editor loads) see, so it carries the recorded result in full.
 */
export function renderStaticCode(
  lines: readonly (readonly CodeToken[])[],
  marks: readonly DecisionMark[],
  errors: readonly ErrorMark[],
  gutter: ReadonlyMap<number, Category>,
  locale: Locale = 'en',
): string {
  const tr = translator(locale);
  const gutterWords = (mark: Under) =>
    mark === 'error'
      ? { title: tr('code.gutterError'), short: tr('code.gutterErrorShort') }
      : {
          title: tr('code.gutter', { category: tr(`result.cat.${mark}`) }),
          short: tr(`result.cat.${mark}`),
        };
  return (
    lines
      .map((tokens, i) => {
        const n = i + 1;
        const spans: { from: number; to: number; u: Under }[] = [
          ...marks
            .filter((m) => m.line === n)
            .map((m) => ({ from: m.fromCol, to: m.toCol, u: m.category })),
          ...errors
            .filter((m) => m.line === n)
            .map((m) => ({
              from: m.fromCol,
              to: Math.max(m.toCol, m.fromCol + 1),
              u: 'error' as const,
            })),
        ];
        const text = tokens.map((t) => t.content).join('');
        const u = underlines(text.length, spans);
        let col = 0;
        let html = '';
        for (const t of tokens) {
          let start = 0;
          while (start < t.content.length) {
            const fam = u[col + start];
            let end = start + 1;
            while (end < t.content.length && u[col + end] === fam) end++;
            const cls = fam ? ` class="sn-u sn-u-${fam}"` : '';
            html += `<span${styleAttr(t)}${cls}>${esc(t.content.slice(start, end))}</span>`;
            start = end;
          }
          col += t.content.length;
        }
        const g = gutter.get(n);
        const err = errors.some((e) => e.line === n);
        const mark = err ? 'error' : g;
        const words = mark ? gutterWords(mark) : undefined;
        const gutterHtml =
          mark && words
            ? `<span class="sn-g sn-g-${mark}" title="${esc(words.title)}"><span class="sn-sr">${esc(words.short)}</span></span>`
            : '<span class="sn-g"></span>';
        return `<span class="sn-row${err ? ' sn-row-error' : ''}" data-line="${n}">${gutterHtml}<span class="sn-ln" aria-hidden="true">${n}</span><span class="sn-src">${html || ' '}</span></span>`;
      })
      // No newline between rows: the rows are grid items, and a text node between them would
      // become an extra (empty) grid row. Copying still yields one line per row.
      .join('')
  );
}
