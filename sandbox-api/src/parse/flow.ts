/**
 * The -m=2 explanation lines (explainPath in `$GOROOT/src/cmd/compile/internal/escape/solve.go`):
 * the block headers (`x escapes to heap:`, `parameter p leaks to …:`) and the `flow:`,
 * `from … at …` and truncation lines that follow them at the same position.
 */
import type { Explanation, FlowStep } from '../protocol.ts';
import { parsePosition } from './position.ts';

export interface BlockHeader {
  header: Explanation['header'];
  /** The escaping expression or variable, or the leaking parameter. */
  subject: string;
  function?: string;
  sink?: string;
  derefs?: number;
}

// Go 1.19 printed no ` in F` / ` for F`; newer releases do. Accept both.
const ESCAPES_HEADER = /^(.+) escapes to heap(?: in (.+))?:$/;
const LEAKS_HEADER = /^parameter (.+?) leaks to (.+) with derefs=(-?\d+):$/;
// Go 1.19 used `=` where newer releases print `←` (U+2190).
const FLOW = /^ {2}flow: (.+?) (?:←|=) (&|\**)(.+):$/;
// `where` may hold parentheses, `why` never does; the position suffix is optional in JSON text.
const FROM = /^ {4}from (.+) \(([^()]+)\)(?: at (.+))?$/;
const TRUNCATED = /^ {2}warning: truncated explanation due to assignment cycle/;

export function parseBlockHeader(message: string): BlockHeader | undefined {
  const leak = LEAKS_HEADER.exec(message);
  if (leak) {
    const { sink, fn } = splitSink(leak[2]!);
    const h: BlockHeader = { header: 'leaks', subject: leak[1]!, sink, derefs: Number(leak[3]) };
    if (fn !== undefined) h.function = fn;
    return h;
  }
  const esc = ESCAPES_HEADER.exec(message);
  if (esc) {
    const h: BlockHeader = { header: 'escapes', subject: esc[1]! };
    if (esc[2] !== undefined) h.function = esc[2];
    return h;
  }
  return undefined;
}

/**
 * Splits `SINK for FUNC` (Go 1.19 printed only `SINK`). The sink may itself contain ` for `
 * (`{storage for c.Inc}`), so the split is at the first ` for ` after a brace-balanced sink.
 */
function splitSink(text: string): { sink: string; fn?: string } {
  for (let i = text.indexOf(' for '); i >= 0; i = text.indexOf(' for ', i + 1)) {
    const sink = text.slice(0, i);
    const open = sink.split('{').length - 1;
    const close = sink.split('}').length - 1;
    if (open === close) return { sink, fn: text.slice(i + ' for '.length) };
  }
  return { sink: text };
}

export type FlowLine =
  | { type: 'flow'; step: FlowStep }
  | { type: 'from'; reason: FlowStep['reasons'][number] }
  | { type: 'truncated' };

/** Parses an explanation body line; `message` keeps its leading spaces. */
export function parseFlowLine(message: string): FlowLine | undefined {
  const flow = FLOW.exec(message);
  if (flow) {
    return { type: 'flow', step: { dst: flow[1]!, ops: flow[2]!, src: flow[3]!, reasons: [] } };
  }
  const from = FROM.exec(message);
  if (from) {
    const reason: FlowStep['reasons'][number] = { where: from[1]!, why: from[2]! };
    const at = from[3] === undefined ? undefined : parsePosition(from[3]);
    if (at) reason.at = at;
    return { type: 'from', reason };
  }
  if (TRUNCATED.test(message)) return { type: 'truncated' };
  return undefined;
}

/** Builds an explanation by folding header and body lines together. */
export class ExplanationBuilder {
  readonly explanation: Explanation;

  constructor(h: BlockHeader) {
    this.explanation = { header: h.header, steps: [], truncated: false };
    if (h.sink !== undefined) this.explanation.sink = h.sink;
    if (h.derefs !== undefined) this.explanation.derefs = h.derefs;
  }

  /** False when the line does not belong to an explanation (a `from` before any `flow`). */
  add(line: FlowLine): boolean {
    if (line.type === 'truncated') {
      this.explanation.truncated = true;
      return true;
    }
    if (line.type === 'flow') {
      this.explanation.steps.push(line.step);
      return true;
    }
    const last = this.explanation.steps.at(-1);
    if (!last) return false;
    last.reasons.push(line.reason);
    return true;
  }
}
