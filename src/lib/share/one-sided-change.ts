/**
 * A decision found on one side of a comparison only: moved into or out of an inlined callee,
 * made afresh, or gone.
 */
import { changeText, stateText, type ChangeState } from './change-text.ts';
import { change, label, moved, type DecisionChange } from './decision-change.ts';
import { inlinedFrom, inlines, type Entry } from './decision-entries.ts';

/**
 * A copy made by inlining (reported at the call site) against the callee's own decision on the
 * other side: 'same' when nothing changed for the value, or the callee and its state when it did.
 */
function inlinedCopy(
  e: Entry,
  inA: boolean,
  all: { a: Entry[]; b: Entry[] },
): 'same' | { callee: string; state: ChangeState } | undefined {
  const other = inA ? all.b : all.a;
  const stateIn = (fn: string) =>
    other.find((o) => o.family === e.family && o.fn === fn && o.d.subject === e.d.subject)?.state;
  const callee = inlinedFrom(e, inA ? all.a : all.b).find((fn) => stateIn(fn) !== undefined);
  if (callee === undefined) return undefined;
  const state = stateIn(callee)!;
  return state === e.state ? 'same' : { callee, state };
}

/** One side only: what it means depends on the family (a named variable absent means stack). */
export function oneSided(
  e: Entry,
  inA: boolean,
  all: { a: Entry[]; b: Entry[] },
): DecisionChange | undefined {
  const [a, b] = inA ? [e, undefined] : [undefined, e];
  const line = e.d.line;
  const other = inA ? all.b : all.a;
  // A copy whose callee the other side inlines here too is decided afresh there, not moved
  // into or out of the callee: saying "no longer inlined" would contradict the other list.
  const via = inlinedFrom(e, inA ? all.a : all.b);
  const stillInlined = via.find((fn) => inlines(other, e.fn, fn));
  if (stillInlined !== undefined && (e.family === 'var' || e.family === 'alloc')) {
    const note = { line, callee: stillInlined };
    if (e.family === 'var') {
      return inA
        ? change('heap-to-stack', a, b, moved(e, 'heap', 'stack', note))
        : change('stack-to-heap', a, b, moved(e, 'stack', 'heap', note));
    }
    const kind = `${inA ? 'removed' : 'new'}-${e.state === 'heap' ? 'heap' : 'stack'}` as const;
    return change(
      kind,
      a,
      b,
      changeText(inA ? 'goneInlinedFrom' : 'newInlinedFrom', {
        what: label(e),
        state: stateText(e.state),
        ...note,
      }),
    );
  }
  if (e.family === 'var' || e.family === 'alloc') {
    // An inlined copy vanishing means the value is made in the callee again (and back).
    const copy = inlinedCopy(e, inA, all);
    if (copy === 'same') return undefined;
    if (copy) {
      const from = inA ? e.state : copy.state;
      const to = inA ? copy.state : e.state;
      const why = changeText(inA ? 'calleeNoLongerInlined' : 'calleeNowInlined', {
        callee: copy.callee,
      });
      const kind = to === 'heap' ? 'stack-to-heap' : 'heap-to-stack';
      return change(kind, a, b, moved(e, from, to, { line, why }));
    }
  }
  if (e.family === 'alloc' || e.family === 'var') {
    // A copy of a callee whose own decision we cannot see (the standard library): the value is
    // made inside that call again, or newly inlined here.
    const from = inlinedFrom(e, inA ? all.a : all.b)[0] ?? e.foreign;
    if (from !== undefined) {
      return inA
        ? change(
            e.state === 'heap' ? 'removed-heap' : 'removed-stack',
            a,
            b,
            changeText('madeInsideAgain', { what: label(e), callee: from, line }),
          )
        : change(
            e.state === 'heap' ? 'new-heap' : 'new-stack',
            a,
            b,
            changeText('newAtFrom', {
              what: label(e),
              state: stateText(e.state),
              line,
              callee: from,
            }),
          );
    }
  }
  switch (e.family) {
    case 'var':
      return inA
        ? change('heap-to-stack', a, b, moved(e, 'heap', 'stack'))
        : change('stack-to-heap', a, b, moved(e, 'stack', 'heap'));
    case 'alloc': {
      const place = e.state === 'heap' ? 'heap' : 'stack';
      const sentence = changeText(inA ? 'gone' : 'new', {
        what: label(e),
        state: stateText(place),
        line,
      });
      return change(`${inA ? 'removed' : 'new'}-${place}`, a, b, sentence);
    }
    case 'inline':
      if (e.state !== 'inlinable') return undefined;
      return inA
        ? change(
            'no-longer-inlinable',
            a,
            b,
            changeText('noLongerInlinable', { name: e.d.subject }),
          )
        : change('now-inlinable', a, b, changeText('nowInlinable', { name: e.d.subject }));
    case 'call': {
      const where = e.fn
        ? changeText('callIn', { callee: e.d.subject, fn: e.fn, line })
        : changeText('call', { callee: e.d.subject, line });
      return inA
        ? change('no-longer-inlined', a, b, changeText('noLongerInlined', { where }))
        : change('now-inlined', a, b, changeText('nowInlined', { where }));
    }
    case 'param':
      return undefined; // parameters are reported only for compiled functions; absence says little
  }
}
