/**
 * What an exercise's texts state about its START version: a figure a benchmark reports
 * (allocs/op, B/op, a harness metric such as `gc-cycles`) or a message the compiler prints. The
 * figure lives once, in `exercise.json`; each language's texts must quote it verbatim (checked
 * by a unit test), and the content test judges it on the start's runs the exercise check already
 * makes, so prose and toolchain cannot drift apart.
 */
import { z } from 'zod';
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { attributedBenchLine, benchProblemText } from '../claims/bench-line.ts';
import { median } from '../claims/median.ts';
import type { ClaimVerdict } from '../claims/verdict.ts';
import type { Locale } from '../../i18n/locales.ts';

/** Fragments of the texts, per language, that state the fact; each must occur verbatim. */
const QuotesSchema = z
  .object({
    en: z.array(z.string().min(3)).min(1),
    zh: z.array(z.string().min(3)).min(1),
  })
  .strict();

export const StartFactSchema = z.discriminatedUnion('type', [
  /**
   * A figure one benchmark of the start reports: the median over the start's bench runs lies in
   * `[min, max]` (min = max for a figure that does not vary). The quotes contain it as written
   * by {@link statedFigure}.
   */
  z
    .object({
      type: z.literal('figure'),
      benchmark: z.string().regex(/^Benchmark[A-Za-z0-9_]*$/),
      /** `allocs/op`, `B/op`, or a metric the benchmark reports with b.ReportMetric. */
      metric: z.string().regex(/^[A-Za-z][A-Za-z0-9/-]*$/),
      min: z.number(),
      max: z.number(),
      quotes: QuotesSchema,
    })
    .strict(),
  /** A compiler message the texts quote: it is in the start's `-m=2` output, and in both languages' texts. */
  z
    .object({
      type: z.literal('compiler'),
      message: z.string().min(5),
    })
    .strict(),
]);
export type StartFact = z.infer<typeof StartFactSchema>;
type FigureFact = Extract<StartFact, { type: 'figure' }>;

/** The figure as the texts write it: `1000`, or a range `21–24` (en dash, both languages). */
export function statedFigure(f: Pick<FigureFact, 'min' | 'max'>): string {
  return f.min === f.max ? String(f.min) : `${f.min}–${f.max}`;
}

/** The figure as a whole token: `1` must not match inside `16` or `1.5`. */
const asToken = (figure: string) =>
  new RegExp(`(?<![\\d.])${figure.replace(/[.]/g, '\\.')}(?![\\d.])`);

/**
 * Why the texts of each language do not state `fact` (empty when they do): a quote missing from
 * the texts, or a quote without the figure.
 */
export function textProblems(fact: StartFact, texts: Record<Locale, string>): string[] {
  const problems: string[] = [];
  for (const locale of ['en', 'zh'] as const) {
    const text = texts[locale];
    if (fact.type === 'compiler') {
      if (!text.includes(fact.message))
        problems.push(`${locale} texts do not quote \`${fact.message}\``);
      continue;
    }
    const figure = statedFigure(fact);
    for (const quote of fact.quotes[locale]) {
      if (!asToken(figure).test(quote))
        problems.push(`${locale} quote "${quote}" does not state ${figure}`);
      if (!text.includes(quote)) problems.push(`${locale} texts do not contain "${quote}"`);
    }
  }
  return problems;
}

/** One run's figure, or why it has none. */
function figureIn(r: AnalyzeResponse, fact: FigureFact): number | string {
  const line = attributedBenchLine(r, fact.benchmark);
  if ('problem' in line) return benchProblemText(fact.benchmark, line);
  const value =
    fact.metric === 'allocs/op'
      ? line.allocsPerOp
      : fact.metric === 'B/op'
        ? line.bytesPerOp
        : line.extra[fact.metric];
  return value ?? `${line.raw.trim()} has no ${fact.metric}`;
}

/** The start's runs a fact is judged on: its -m=2 build and every bench run of the check. */
export interface StartRuns {
  build: AnalyzeResponse | undefined;
  bench: readonly AnalyzeResponse[];
}

/** Whether the start's runs show `fact`; figures compare the median over the bench runs. */
export function judgeStartFact(fact: StartFact, runs: StartRuns): ClaimVerdict {
  if (fact.type === 'compiler') {
    const out = runs.build?.compilerOutput.text;
    if (out === undefined) return { met: false, reason: 'the start was not compiled with -m=2' };
    return out.includes(fact.message)
      ? { met: true, reason: `the compiler printed \`${fact.message}\`` }
      : { met: false, reason: `the compiler did not print \`${fact.message}\`` };
  }
  if (runs.bench.length === 0) return { met: false, reason: 'the start was not benchmarked' };
  const values: number[] = [];
  for (const r of runs.bench) {
    const v = figureIn(r, fact);
    if (typeof v === 'string') return { met: false, reason: v };
    values.push(v);
  }
  const m = median(values);
  const met = m >= fact.min && m <= fact.max;
  return {
    met,
    reason: `${fact.benchmark} ${fact.metric}: median ${m} of ${values.join(', ')}, ${met ? '' : 'not '}in ${statedFigure(fact)}`,
  };
}
