import type { Decision, Explanation } from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from '../../i18n/locales.ts';
import { explainZh } from './explain-zh.ts';

export interface DecisionExplanation {
  title: string;
  /** One or two plain sentences; inline code is marked with backticks. */
  plain: string;
  glossaryHref: string;
}

/** Reasons that explain an escape on their own; `spill`, `reference`, `dot`… only carry it. */
const TELLING = new Set([
  'return',
  'too large for stack',
  'too aligned for stack',
  'captured by a closure',
  'call parameter',
  'interface-converted',
  'assign',
]);

/**
 * The last hop into the sink says, in the compiler's words, why the value outlives its frame:
 * its most telling reason, else its last one.
 */
export function lastReason(e: Explanation | undefined): { where: string; why: string } | undefined {
  const reasons = e?.steps.at(-1)?.reasons ?? [];
  return reasons.find((r) => TELLING.has(r.why)) ?? reasons.at(-1);
}

export function sinkOf(e: Explanation | undefined): string | undefined {
  return e?.sink ?? e?.steps.at(-1)?.dst;
}

/** Why a value is on the heap, phrased after "here". */
export function heapReason(e: Explanation | undefined): string | undefined {
  if (!e) return undefined;
  const sink = sinkOf(e);
  const r = lastReason(e);
  if (sink?.startsWith('~r') || r?.why === 'return') return 'it is returned';
  if (!r) return undefined;
  switch (r.why) {
    case 'too large for stack':
      return 'it is too large for the stack';
    case 'too aligned for stack':
      return 'it is too aligned for the stack';
    case 'call parameter':
      return `it is passed to \`${r.where}\`, which keeps it`;
    case 'captured by a closure':
      return 'a closure that outlives the function captures it';
    case 'interface-converted':
      return 'it is converted to an interface value that escapes';
    case 'assign':
      return `it is stored by \`${r.where}\` somewhere that outlives the function`;
    default:
      return `${r.why}: \`${r.where}\``;
  }
}

function text(d: Decision): Pick<DecisionExplanation, 'title' | 'plain'> {
  const s = `\`${d.subject}\``;
  const why = heapReason(d.explanation);
  const noWhy = 'run with -m=2 to see why';
  switch (d.kind) {
    case 'moved-to-heap':
      return {
        title: 'Moved to heap',
        plain: `${s} lives on the heap: its address outlives the function (${why ? `here ${why}` : noWhy}).`,
      };
    case 'escapes-to-heap':
      return {
        title: 'Escapes to heap',
        plain: `${s} is allocated on the heap (${why ? `here ${why}` : noWhy}).`,
      };
    case 'does-not-escape':
      return {
        title: 'Stays on the stack',
        plain: `${s} stays on the stack: nothing keeps its address after the function returns, so it costs no heap allocation.`,
      };
    case 'param-does-not-escape':
      return {
        title: 'Parameter does not escape',
        plain: `Parameter ${s} is not kept after the call, so a caller may pass the address of a stack variable.`,
      };
    case 'leaking-param':
      return {
        title: 'Leaking parameter',
        plain: `Parameter ${s} is kept beyond the call (${why ? `here ${why}` : 'it reaches the heap'}), so whatever a caller passes in must live on the heap.`,
      };
    case 'leaking-param-content':
      return {
        title: 'Leaking parameter content',
        plain: `What ${s} points to is kept beyond the call, so the caller's pointed-to data must live on the heap; the pointer itself does not escape.`,
      };
    case 'leaking-param-to-result':
      return {
        title: 'Parameter flows to a result',
        plain: `Parameter ${s} is returned; it escapes only if the caller keeps the result somewhere that outlives it.`,
      };
    case 'can-inline': {
      const cost = d.details['cost'];
      return {
        title: 'Can inline',
        plain: `${s} is cheap enough to inline${typeof cost === 'number' ? ` (cost ${cost}, budget 80)` : ''}: calls can be replaced by its body, and escape analysis then sees that body in the caller.`,
      };
    }
    case 'cannot-inline': {
      const reason = d.details['reason'] ?? d.message.replace(/^cannot inline [^:]+: /, '');
      return {
        title: 'Cannot inline',
        plain: `${s} is not inlined: ${String(reason)}. Values it receives are analysed as a separate call.`,
      };
    }
    case 'inlining-call':
      return {
        title: 'Inlined call',
        plain: `The call to ${s} is replaced by its body here, so its allocations are judged in this function and may stay on the stack.`,
      };
    case 'devirtualizing':
      return {
        title: 'Devirtualized',
        plain: `The compiler knows the concrete type behind ${s}, so the interface call becomes a direct call (and may be inlined).`,
      };
    case 'closure-capture':
      // The parser stores the compiler's word in `details.by` ("value" or "ref"); the rule it
      // reports is escape.go's `SetByval(!addrtaken && !reassigned && size <= 128)`.
      return d.details['by'] === 'value'
        ? {
            title: 'Closure capture (by value)',
            plain: `The closure gets its own copy of ${s}: it is never reassigned, its address is not taken and it is at most 128 bytes, so capturing it moves nothing to the heap.`,
          }
        : {
            title: 'Closure capture (by reference)',
            plain: `The closure refers to ${s} itself (it is reassigned, its address is taken, or it is over 128 bytes); if the closure outlives the function, ${s} must move to the heap.`,
          };
    case 'loop-variable':
      return { title: 'Loop variable', plain: `${d.message}: each iteration gets its own ${s}.` };
    case 'zero-copy':
      return {
        title: 'Zero-copy conversion',
        plain:
          'The `[]byte` conversion reuses the string’s memory because it is never modified: no copy, no allocation.',
      };
    case 'bounds-check-elided':
      return {
        title: 'Bounds check removed',
        plain: 'The compiler proved the index is in range and dropped the bounds check.',
      };
    case 'other':
      return { title: 'Compiler note', plain: d.message };
  }
}

/**
 * A decision in plain words, with a link to the glossary entry for its kind.
 * @param glossaryBase the glossary page path, e.g. `/glossary` (a site `base` is prepended by the caller).
 */
export function explainDecision(
  d: Decision,
  glossaryBase = '/glossary',
  locale: Locale = 'en',
): DecisionExplanation {
  return {
    ...(locale === 'zh' ? explainZh(d) : text(d)),
    glossaryHref: `${glossaryBase}#${d.kind}`,
  };
}
