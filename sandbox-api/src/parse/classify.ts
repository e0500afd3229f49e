/**
 * Classifies one compiler message (the text after `pos: `) into a decision kind: the messages
 * of escape analysis, inlining, devirtualization and loopvar in `$GOROOT/src/cmd/compile/
 * internal/` (one glossary entry per kind on the site's /glossary page).
 */
import type { Decision, DecisionKind } from '../protocol.ts';
import { normalizeFile } from './position.ts';

export type Details = Decision['details'];

export interface Classified {
  kind: DecisionKind;
  subject: string;
  details: Details;
  /** Function named by the message itself (capturing by, self-assignment, can inline). */
  function?: string;
}

type Rule = readonly [RegExp, (m: RegExpExecArray) => Classified];

const bool = (s: string | undefined): boolean => s === 'true';

function make(kind: DecisionKind, subject: string, details: Details = {}, fn?: string): Classified {
  const c: Classified = { kind, subject, details };
  if (fn !== undefined) c.function = fn;
  return c;
}

function cannotInline(fn: string, reason: string): Classified {
  const details: Details = { reason };
  const tooComplex = /^function too complex: cost (\d+) exceeds budget (\d+)$/.exec(reason);
  if (tooComplex) {
    details['cost'] = Number(tooComplex[1]);
    details['budget'] = Number(tooComplex[2]);
  }
  return make('cannot-inline', fn, details, fn);
}

// Order matters: specific shapes before the generic `X escapes to heap` / `X does not escape`.
const RULES: readonly Rule[] = [
  [/^moved to heap: (.+)$/, (m) => make('moved-to-heap', m[1]!)],
  [/^leaking param content: (.+)$/, (m) => make('leaking-param-content', m[1]!)],
  [
    /^leaking param: (.+) to result (\S+) level=(\d+)$/,
    (m) => make('leaking-param-to-result', m[1]!, { result: m[2]!, level: Number(m[3]) }),
  ],
  [/^leaking param: (.+)$/, (m) => make('leaking-param', m[1]!)],
  [
    /^(.+) does not escape, mutate, or call$/,
    (m) => make('param-does-not-escape', m[1]!, { mutates: false, calls: false }),
  ],
  [
    /^(mutates|calls) param: (.+) derefs=(-?\d+)$/,
    (m) => make('other', m[2]!, { effect: m[1]!, derefs: Number(m[3]) }),
  ],
  [/^(.+) escapes to heap, not allowed in runtime$/, () => unknownMarker],
  [/^append escapes to heap$/, () => make('escapes-to-heap', 'append', { append: true })],
  [/^append does not escape$/, () => make('does-not-escape', 'append', { append: true })],
  [/^(.+) escapes to heap$/, (m) => make('escapes-to-heap', m[1]!)],
  [/^(.+) does not escape$/, (m) => make('does-not-escape', m[1]!)],
  [
    /^can inline (.+?) with cost (\d+) as: (.*)$/,
    (m) => make('can-inline', m[1]!, { cost: Number(m[2]), body: m[3]! }, m[1]),
  ],
  [/^can inline (.+)$/, (m) => make('can-inline', m[1]!, {}, m[1])],
  [
    /^cannot inline (.+) into (.+): repeated recursive cycle$/,
    (m) =>
      make('cannot-inline', m[1]!, { reason: 'repeated recursive cycle', caller: m[2]! }, m[2]),
  ],
  [/^cannot inline (.+?): (.+)$/, (m) => cannotInline(m[1]!, m[2]!)],
  [
    /^inlining call to (.+?)(?: with score (-?\d+))?$/,
    (m) => make('inlining-call', m[1]!, m[2] === undefined ? {} : { score: Number(m[2]) }),
  ],
  [
    /^PGO devirtualizing (interface|function) call (.+) to (.+)$/,
    (m) => make('devirtualizing', m[2]!, { type: m[3]!, pgo: true, callKind: m[1]! }),
  ],
  [
    /^(partially )?devirtualizing (.+) to (.+)$/,
    (m) => make('devirtualizing', m[2]!, { type: m[3]!, partial: m[1] !== undefined }),
  ],
  [
    /^cannot devirtualize (.+): shaped (receiver|interface) (.+)$/,
    (m) => make('other', m[1]!, { reason: `shaped ${m[2]!}`, type: m[3]! }),
  ],
  [
    /^(.+) capturing by (value|ref): (.+) \(addr=(true|false) assign=(true|false) width=(\d+)\)$/,
    (m) =>
      make(
        'closure-capture',
        m[3]!,
        { by: m[2]!, addr: bool(m[4]), assign: bool(m[5]), width: Number(m[6]) },
        m[1],
      ),
  ],
  [
    /^(.+?) ignoring self-assignment in (.+)$/,
    (m) => make('other', m[2]!, { selfAssignment: true }, m[1]),
  ],
  [/^zero-copy string->\[\]byte conversion$/, () => make('zero-copy', '')],
  [/^index bounds check elided$/, () => make('bounds-check-elided', '')],
  [
    /^loop variable (\S+) now per-iteration, (heap|stack)-allocated(?: \(loop inlined into (.+):(\d+)\))?$/,
    (m) => {
      const details: Details = { allocated: m[2]! };
      if (m[3] !== undefined) details['inlinedInto'] = `${normalizeFile(m[3])}:${m[4]!}`;
      return make('loop-variable', m[1]!, details);
    },
  ],
  [/^assuming (.+) is unsafe uintptr$/, (m) => make('other', m[1]!, { unsafeUintptr: true })],
  [
    /^marking (.+) as escaping (\.\.\.)?uintptr$/,
    (m) => make('other', m[1]!, { escapingUintptr: true }),
  ],
  [
    /^function (.+) considered 'big'; reducing max cost of inlinees$/,
    (m) => make('other', m[1]!, { big: true }, m[1]),
  ],
  // b.Loop bodies (Go 1.24+): results the benchmark loop keeps alive; not in the catalogue.
  [/^(.+) will be kept alive$/, (m) => make('other', m[1]!, { keptAlive: true })],
  [/^imprecise interface call$/, () => make('other', '')],
  [/^closure converted to global$/, () => make('other', '')],
  [
    /^(open-coded|stack-allocated|heap-allocated) defer$/,
    (m) => make('other', '', { defer: m[1]! }),
  ],
];

/** Sentinel for messages that look like decisions but are really errors. */
const unknownMarker: Classified = { kind: 'other', subject: '', details: {} };

/**
 * The decision a message reports, or undefined when the message is not in the catalogue (then it
 * is a compile error if the compiler failed, and an "other" line if it did not).
 */
export function classifyMessage(message: string): Classified | undefined {
  for (const [re, build] of RULES) {
    const m = re.exec(message);
    if (!m) continue;
    const c = build(m);
    return c === unknownMarker ? undefined : c;
  }
  return undefined;
}
