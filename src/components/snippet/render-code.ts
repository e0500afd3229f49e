import { codeToTokens } from 'shiki';
import type { Category } from '../../lib/results/classify.ts';
import { strongestCategory } from '../../lib/results/classify.ts';
import type { DecisionMark, ErrorMark } from '../../lib/results/marks.ts';
import { esc } from './html.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';
import { tokenColour, type CodeToken } from './token-classes.ts';

export type { CodeToken } from './token-classes.ts';

type Under = Category | 'error';

/** Shiki's tokens for a Go file, one array per line (the final newline makes no empty row). */
export async function goTokens(content: string): Promise<CodeToken[][]> {
  const { tokens } = await codeToTokens(content.replace(/\n$/, ''), {
    lang: 'go',
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
  });
  return tokens;
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
        // Runs of text with the same colour and underline: plain text needs no element at all,
        // and neighbouring tokens of one colour share one.
        const runs: { attrs: string; text: string }[] = [];
        let col = 0;
        for (const t of tokens) {
          const colour = tokenColour(t);
          let start = 0;
          while (start < t.content.length) {
            const fam = u[col + start];
            let end = start + 1;
            while (end < t.content.length && u[col + end] === fam) end++;
            const cls = ['cls' in colour ? colour.cls : '', fam ? `sn-u sn-u-${fam}` : ''].filter(
              Boolean,
            );
            const attrs =
              (cls.length ? ` class="${cls.join(' ')}"` : '') +
              ('style' in colour ? ` style="${esc(colour.style)}"` : '');
            const text = t.content.slice(start, end);
            const last = runs.at(-1);
            if (last && last.attrs === attrs) last.text += text;
            else runs.push({ attrs, text });
            start = end;
          }
          col += t.content.length;
        }
        const html = runs
          .map((r) => (r.attrs ? `<span${r.attrs}>${esc(r.text)}</span>` : esc(r.text)))
          .join('');
        const g = gutter.get(n);
        const err = errors.some((e) => e.line === n);
        const mark = err ? 'error' : g;
        const words = mark ? gutterWords(mark) : undefined;
        const gutterHtml =
          mark && words
            ? `<span class="sn-g sn-g-${mark}" title="${esc(words.title)}"><span class="visually-hidden">${esc(words.short)}</span></span>`
            : '';
        // The line number is CSS (a counter in .sn-row::before) and the row's place in the
        // grid says which line it is: per-row numbers and attributes were a tenth of a chapter.
        return `<span class="sn-row${err ? ' sn-row-error' : ''}">${gutterHtml}<span class="sn-src">${html || ' '}</span></span>`;
      })
      // No newline between rows: the rows are grid items, and a text node between them would
      // become an extra (empty) grid row. Copying still yields one line per row.
      .join('')
  );
}
