/**
 * Applying gofmt's answer as an edit rather than a replacement, so the editor keeps the reader's
 * place and one undo step restores what they typed. gofmt changes layout, not tokens (spaces,
 * tabs, newlines, and the odd `;` it drops), so a position is carried over by counting the
 * characters before it that are neither whitespace nor `;`.
 */

/** One replacement of `before[from, to)` by `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The smallest single replacement turning `before` into `after`; undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { from: start, to: endB, insert: after.slice(start, endA) };
}

const layout = (c: string) => /[\s;]/.test(c);

/** Where `offset` in `before` lands in `after`: after the same number of significant characters. */
export function mapOffset(before: string, after: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(offset, before.length); i++) if (!layout(before[i]!)) count++;
  let i = 0;
  for (; i < after.length && count > 0; i++) if (!layout(after[i]!)) count--;
  // A cursor right before a token stays right before it; one in layout stays after the token
  // before it (gofmt may have re-spaced what follows).
  const atToken = offset < before.length && !layout(before[offset]!);
  if (atToken) while (i < after.length && layout(after[i]!)) i++;
  return i;
}
