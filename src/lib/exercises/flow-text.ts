/**
 * Turns a heap decision into one line a learner can act on, quoting the compiler: the variable,
 * the verdict, and where its address starts flowing and where it ends (from the -m=2 chain).
 */
import type { Decision, FlowStep } from '@go-memory-lab/sandbox-api/protocol';

function reasonText(r: FlowStep['reasons'][number]): string {
  return `${r.where} (${r.why}${r.at ? `, line ${r.at.line}` : ''})`;
}

/** e.g. "line 11: `s` moved to heap: &s (address-of, line 16) → … → fmt.Fprintln(…) (call parameter, line 16)". */
export function describeHeapDecision(d: Decision): string {
  const verdict = d.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap';
  const head = `line ${d.line}: \`${d.subject}\` ${verdict}`;
  const reasons = (d.explanation?.steps ?? []).flatMap((s) => s.reasons);
  const first = reasons[0];
  const last = reasons[reasons.length - 1];
  if (!first || !last) return `${head} (run with -m=2 for the reason)`;
  if (first === last) return `${head}: ${reasonText(first)}`;
  const middle = reasons.length > 2 ? ' → … → ' : ' → ';
  return `${head}: ${reasonText(first)}${middle}${reasonText(last)}`;
}

/** Where a leaking parameter's value ends up, from the -m=2 header (`leaks to {heap}`). */
export function describeLeak(d: Decision): string {
  const sink = d.explanation?.sink;
  const last = d.explanation?.steps.at(-1)?.reasons.at(-1);
  return `line ${d.line}: ${d.message}${sink ? ` (to ${sink}` : ''}${
    sink && last ? ` via ${reasonText(last)})` : sink ? ')' : ''
  }`;
}
