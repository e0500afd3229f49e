/** One change between two sides' decisions, and the sentence that says it. */
import { changeText, stateText, type ChangeState, type ChangeText } from './change-text.ts';
import type { Entry } from './decision-entries.ts';

export type ChangeKind =
  | 'heap-to-stack'
  | 'stack-to-heap'
  | 'new-heap'
  | 'new-stack'
  | 'removed-heap'
  | 'removed-stack'
  | 'param-changed'
  | 'now-inlinable'
  | 'no-longer-inlinable'
  | 'now-inlined'
  | 'no-longer-inlined';

export interface DecisionChange {
  kind: ChangeKind;
  subject: string;
  function?: string;
  /** Where it is in A and in B, when the decision exists there. */
  lineA?: number;
  lineB?: number;
  /** One line a person reads, e.g. "x in f: heap → stack", as a catalogue code (renderChange). */
  sentence: ChangeText;
}

export function label(e: Entry): ChangeText | string {
  return e.fn && e.family !== 'inline'
    ? changeText('in', { subject: e.d.subject, fn: e.fn })
    : e.d.subject;
}

/**
 * `what: from → to`, with the line and the call it was inlined from, or the line and why
 * (a callee's inlining changed).
 */
export const moved = (
  e: Entry,
  from: ChangeState,
  to: ChangeState,
  more:
    | { line: number; callee: string }
    | { line: number; why: ChangeText }
    | Record<string, never> = {},
) =>
  changeText('callee' in more ? 'movedInlinedFrom' : 'why' in more ? 'movedBecause' : 'moved', {
    what: label(e),
    from: stateText(from),
    to: stateText(to),
    ...more,
  });

export function change(
  kind: ChangeKind,
  a: Entry | undefined,
  b: Entry | undefined,
  sentence: ChangeText,
): DecisionChange {
  const e = (b ?? a)!;
  return {
    kind,
    subject: e.d.subject,
    ...(e.fn ? { function: e.fn } : {}),
    ...(a ? { lineA: a.d.line } : {}),
    ...(b ? { lineB: b.d.line } : {}),
    sentence,
  };
}

export function twoSided(a: Entry, b: Entry): DecisionChange | undefined {
  if (a.state === b.state) return undefined;
  const text = moved(b, a.state, b.state);
  switch (a.family) {
    case 'var':
    case 'alloc':
      return change(b.state === 'heap' ? 'stack-to-heap' : 'heap-to-stack', a, b, text);
    case 'inline':
      return change(b.state === 'inlinable' ? 'now-inlinable' : 'no-longer-inlinable', a, b, text);
    default:
      return change('param-changed', a, b, text);
  }
}
