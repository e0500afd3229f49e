/**
 * Compiler decisions and errors → Monaco markers (squiggles in the text, entries in the
 * overview ruler, hover text). Pure: severities are Monaco's numeric values, so this runs in
 * unit tests without loading the editor. Ranges come from the shared, clamped mark mapping.
 */
import type { editor } from 'monaco-editor/editor';
import type { CompileError, Decision } from '@go-memory-lab/sandbox-api/protocol';
import type { Category } from '../../lib/results/classify.ts';
import { explainDecision } from '../../lib/results/explain.ts';
import { documentLocale, pathInLocale } from '../../i18n/locales.ts';
import { t, translator } from '../../i18n/t.ts';
import { decisionsToMarks, errorsToMarks, type MarkDoc } from '../../lib/results/marks.ts';

/** `monaco.MarkerSeverity` values (stable across releases). */
export const SEVERITY = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

const BY_CATEGORY: Record<Category, number> = {
  heap: SEVERITY.Warning,
  stack: SEVERITY.Info,
  inline: SEVERITY.Hint,
  other: SEVERITY.Hint,
};

/**
 * Markers for one file of the run; columns are Monaco's 1-based UTF-16 columns. The hover's
 * words are in the page's language; the compiler's message is quoted as printed.
 */
export function toMarkers(
  decisions: readonly Decision[],
  errors: readonly CompileError[],
  doc: MarkDoc,
  locale = documentLocale(),
): editor.IMarkerData[] {
  const out: editor.IMarkerData[] = [];
  for (const m of decisionsToMarks(decisions, doc)) {
    const why = explainDecision(m.decision, pathInLocale('/glossary', locale), locale);
    const said = t(locale, 'play.hover.compilerSaid', { message: m.decision.message });
    out.push({
      severity: BY_CATEGORY[m.category],
      message: `${why.title}: ${why.plain.replace(/`/g, '')}\n${said}`,
      source: t(locale, `result.cat.${m.category}`),
      startLineNumber: m.line,
      startColumn: m.fromCol + 1,
      endLineNumber: m.line,
      endColumn: Math.max(m.toCol, m.fromCol + 1) + 1,
    });
  }
  for (const m of errorsToMarks(errors, doc)) {
    out.push({
      severity: SEVERITY.Error,
      message: m.error.message,
      source: 'go build',
      startLineNumber: m.line,
      startColumn: m.fromCol + 1,
      endLineNumber: m.line,
      endColumn: Math.max(m.toCol, m.fromCol + 1) + 1,
    });
  }
  return out;
}

/** Escapes Markdown punctuation in compiler text (names like `*T` or `[]byte`). */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * The `-m=2` chain behind a decision as hover Markdown: each hop `dst ← src` with the compiler's
 * reasons. Undefined when the run had no chain for it (`-m` only, or a stack decision).
 */
export function explanationMarkdown(d: Decision, locale = documentLocale()): string | undefined {
  const steps = d.explanation?.steps ?? [];
  if (steps.length === 0) return undefined;
  const tr = translator(locale);
  const lines = steps.map((s) => {
    const reasons = s.reasons
      .map(
        (r) =>
          `${md(r.where)} (${md(r.why)})${r.at ? ` ${tr('play.hover.atLine', { line: r.at.line })}` : ''}`,
      )
      .join('; ');
    return `- \`${s.dst} ← ${s.ops}${s.src}\`${reasons ? ` — ${reasons}` : ''}`;
  });
  const cut = d.explanation?.truncated ? `\n\n_${tr('play.hover.cut')}_` : '';
  return `**${tr('play.hover.why', { subject: `\`${d.subject}\`` })}** (\`-m=2\`):\n\n${lines.join('\n')}${cut}`;
}
