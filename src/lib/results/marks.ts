import type { CompileError, Decision } from '@go-memory-lab/sandbox-api/protocol';
import { classify, strongestCategory, type Category } from './classify.ts';
import { sameFile } from './same-file.ts';
import { lineStarts, positionToRange, type SourceRange } from './source-range.ts';

/** A decision drawn on the code: an underline plus the gutter family of its line. */
export interface DecisionMark extends SourceRange {
  category: Category;
  /** The decision this mark draws, so hover and click can explain it. */
  decision: Decision;
}

export interface ErrorMark extends SourceRange {
  error: CompileError;
}

/** One document of the snippet: its file name and current text. */
export interface MarkDoc {
  file: string;
  text: string;
}

/** Decisions about `doc.file`, mapped onto its text; lines and columns clamp to the text. */
export function decisionsToMarks(decisions: readonly Decision[], doc: MarkDoc): DecisionMark[] {
  const starts = lineStarts(doc.text);
  return decisions
    .filter((d) => sameFile(d.file, doc.file))
    .map((d) => ({
      ...positionToRange(doc.text, d.line, d.column, starts),
      category: classify(d.kind),
      decision: d,
    }));
}

export function errorsToMarks(errors: readonly CompileError[], doc: MarkDoc): ErrorMark[] {
  const starts = lineStarts(doc.text);
  return errors
    .filter((e) => sameFile(e.file, doc.file))
    .map((e) => ({ ...positionToRange(doc.text, e.line, e.column, starts), error: e }));
}

/** Line → the family its gutter shows (heap beats stack beats inlining). */
export function gutterCategories(marks: readonly DecisionMark[]): Map<number, Category> {
  const byLine = new Map<number, Category[]>();
  for (const m of marks) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.category]);
  const out = new Map<number, Category>();
  for (const [line, cats] of byLine) {
    const best = strongestCategory(cats);
    if (best) out.set(line, best);
  }
  return out;
}
