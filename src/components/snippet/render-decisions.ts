import type { Decision } from '@go-memory-lab/sandbox-api/protocol';
import { classify, type Category } from '../../lib/results/classify.ts';
import { explainDecision } from '../../lib/results/explain.ts';
import { groupDecisionsByLine } from '../../lib/results/group-by-line.ts';
import { esc, richText } from './html.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

/** The category badge in the page's language. */
export function categoryLabel(cat: Category, locale: Locale = 'en'): string {
  return translator(locale)(`result.cat.${cat}`);
}

/** A stable key for a decision within one result, used to link marks, panel rows and diagram. */
export function decisionKey(d: Decision): string {
  return `${d.file}:${d.line}:${d.column ?? 0}:${d.kind}:${d.subject}`;
}

/**
 * The decisions panel body: one group per line, every decision a button that selects it for the
 * diagram, with the plain-language explanation beneath. Categories not in `shown` are hidden
 * with the `hidden` attribute so the filter needs no re-render.
 *
 * `firstPaint` (the server's recorded view) leaves out what that view never shows or uses: the
 * decisions the filter hides, and the keys only the hydrated controller reads. The controller
 * renders the full list when it mounts, so filters and picking work from then on.
 */
export function renderDecisionList(
  decisions: readonly Decision[],
  shown: ReadonlySet<Category>,
  glossaryBase = '/glossary',
  locale: Locale = 'en',
  firstPaint = false,
): string {
  const tr = translator(locale);
  if (decisions.length === 0) return `<p class="sn-empty">${esc(tr('result.noDecisions'))}</p>`;
  return `<ol class="sn-lines">${groupDecisionsByLine(decisions)
    .map((g) => {
      const cats = new Set(g.decisions.map((d) => classify(d.kind)));
      const visible = [...cats].some((c) => shown.has(c));
      if (firstPaint && !visible) return '';
      const hidden = visible ? '' : ' hidden';
      const where = firstPaint ? '' : ` data-line="${g.line}" data-file="${esc(g.file)}"`;
      return `<li class="sn-line"${where}${hidden}>
<span class="sn-lineno">${esc(tr('result.line', { n: g.line }))}</span><ul>${g.decisions
        .map((d) => {
          const cat = classify(d.kind);
          if (firstPaint && !shown.has(cat)) return '';
          const e = explainDecision(d, glossaryBase, locale);
          const key = firstPaint ? '' : ` data-key="${esc(decisionKey(d))}" data-line="${d.line}"`;
          return `<li class="sn-decision" data-cat="${cat}"${shown.has(cat) ? '' : ' hidden'}>
<button type="button" class="sn-pick"${key}>
<span class="sn-badge sn-${cat}">${esc(categoryLabel(cat, locale))}</span> <code>${esc(d.message)}</code></button>
<p class="sn-explain">${richText(e.plain)} <a href="${esc(e.glossaryHref)}">${esc(tr('result.inGlossary', { title: e.title }))}</a></p></li>`;
        })
        .join('')}</ul></li>`;
    })
    .join('')}</ol>`;
}
