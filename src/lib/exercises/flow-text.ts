/**
 * Turns a heap decision into one reason a learner can act on, quoting the compiler: the variable,
 * the verdict, and where its address starts flowing and where it ends (from the -m=2 chain).
 * The verdicts and flow words are the compiler's and stay in English in every language.
 */
import type { Decision, FlowStep } from '@go-memory-lab/sandbox-api/protocol';
import { reason, type Reason } from './reason.ts';

function step(r: FlowStep['reasons'][number]): Reason {
  return r.at
    ? reason('flowStep', { where: r.where, why: r.why, line: r.at.line })
    : reason('flowStepNoLine', { where: r.where, why: r.why });
}

/** e.g. "line 11: `s` moved to heap: &s (address-of, line 16) → … → fmt.Fprintln(…) (call parameter, line 16)". */
export function describeHeapDecision(d: Decision): Reason {
  const verdict = d.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap';
  const head = { line: d.line, subject: d.subject, verdict };
  const reasons = (d.explanation?.steps ?? []).flatMap((s) => s.reasons);
  const first = reasons[0];
  const last = reasons[reasons.length - 1];
  if (!first || !last) return reason('heapDecisionNoFlow', head);
  const flow =
    first === last
      ? step(first)
      : reason(reasons.length > 2 ? 'flowMany' : 'flowTwo', { from: step(first), to: step(last) });
  return reason('heapDecision', { ...head, flow });
}

/** Where a leaking parameter's value ends up, from the -m=2 header (`leaks to {heap}`). */
export function describeLeak(d: Decision): Reason {
  const sink = d.explanation?.sink;
  const last = d.explanation?.steps.at(-1)?.reasons.at(-1);
  const head = { line: d.line, message: d.message };
  if (sink && last) return reason('leakVia', { ...head, sink, step: step(last) });
  return sink ? reason('leakTo', { ...head, sink }) : reason('leak', head);
}
