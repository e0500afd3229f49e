/**
 * Merges the compiler's `-json=0,<dir>` optimization log into text-mode decisions. The log adds
 * what text cannot show: where inlined code came from (`inlineLoc`) and the position of every
 * explanation step (the log's format: `$GOROOT/src/cmd/compile/internal/logopt/log_opts.go`).
 */
import type { Decision, DecisionKind, Explanation, Position } from '../protocol.ts';
import { ExplanationBuilder, parseFlowLine } from './flow.ts';
import { groupByPosition, positionKey } from './position.ts';

interface JsonPos {
  line: number;
  character: number;
}
interface JsonRelated {
  location: { uri: string; range: { start: JsonPos } };
  message: string;
}
interface JsonDiagnostic {
  range: { start: JsonPos };
  code: string;
  message: string;
  relatedInformation?: JsonRelated[];
}

interface LogRecord {
  pos: Position;
  code: string;
  message: string;
  inlinedFrom: Position[];
  explanation?: Explanation;
}

const HEAP: ReadonlySet<DecisionKind> = new Set(['moved-to-heap', 'escapes-to-heap']);
const LEAK: ReadonlySet<DecisionKind> = new Set([
  'leaking-param',
  'leaking-param-content',
  'leaking-param-to-result',
]);
const KINDS_BY_CODE: Record<string, ReadonlySet<DecisionKind>> = {
  escape: HEAP,
  escapes: HEAP,
  leak: LEAK,
  canInlineFunction: new Set(['can-inline']),
  cannotInlineFunction: new Set(['cannot-inline']),
  'iteration-variable-to-heap': new Set(['loop-variable']),
  'iteration-variable-to-stack': new Set(['loop-variable']),
};

const LEAK_MESSAGE = /^parameter (.+?) leaks to (.+?) with derefs=(-?\d+)$/;

/** `file:///tmp/job/main.go` → `main.go`, leaving GOROOT paths absolute. */
function cleanPath(path: string, stripPrefixes: readonly string[]): string {
  let p = path.startsWith('file://') ? path.slice('file://'.length) : path;
  for (const prefix of stripPrefixes) {
    if (prefix !== '' && p.startsWith(prefix)) {
      p = p.slice(prefix.length);
      break;
    }
  }
  return p.startsWith('./') ? p.slice(2) : p;
}

function toPosition(file: string, p: JsonPos): Position {
  const pos: Position = { file, line: p.line };
  if (p.character > 0) pos.column = p.character;
  return pos;
}

function subjectOf(code: string, message: string): string | undefined {
  if (code === 'leak') return LEAK_MESSAGE.exec(message)?.[1];
  if (code === 'escape' || code === 'escapes') return /^(.+) escapes to heap$/.exec(message)?.[1];
  return undefined;
}

function explanationOf(d: JsonDiagnostic, related: JsonRelated[], strip: readonly string[]) {
  const leak = d.code === 'leak' ? LEAK_MESSAGE.exec(d.message) : null;
  const builder = new ExplanationBuilder(
    leak
      ? { header: 'leaks', subject: leak[1]!, sink: leak[2]!, derefs: Number(leak[3]) }
      : {
          header: 'escapes',
          subject: '',
        },
  );
  for (const r of related) {
    const text = r.message.slice('escflow:'.length).trimStart();
    // Re-indent as in text mode so one grammar parses both.
    const line = parseFlowLine((text.startsWith('from ') ? '    ' : '  ') + text);
    if (!line) continue;
    if (line.type === 'from' && !line.reason.at) {
      line.reason.at = toPosition(cleanPath(r.location.uri, strip), r.location.range.start);
    }
    builder.add(line);
  }
  return builder.explanation;
}

function parseRecords(
  files: ReadonlyArray<{ name: string; content: string }>,
  strip: readonly string[],
): LogRecord[] {
  const records: LogRecord[] = [];
  for (const f of files) {
    let file: string | undefined;
    for (const line of f.content.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof obj !== 'object' || obj === null) continue;
      if ('version' in obj) {
        const header = obj as { file?: string };
        file = header.file === undefined ? undefined : cleanPath(header.file, strip);
        continue;
      }
      const d = obj as JsonDiagnostic;
      if (file === undefined || !d.range?.start || typeof d.code !== 'string') continue;
      const related = d.relatedInformation ?? [];
      const firstFlow = related.findIndex((r) => r.message.startsWith('escflow:'));
      const chain = firstFlow < 0 ? related : related.slice(0, firstFlow);
      const flows = related.filter((r) => r.message.startsWith('escflow:'));
      const rec: LogRecord = {
        pos: toPosition(file, d.range.start),
        code: d.code,
        message: d.message,
        inlinedFrom: chain
          .filter((r) => r.message === 'inlineLoc')
          .map((r) => toPosition(cleanPath(r.location.uri, strip), r.location.range.start)),
      };
      if (flows.length > 0) rec.explanation = explanationOf(d, flows, strip);
      records.push(rec);
    }
  }
  return records;
}

function subjectMatches(rec: LogRecord, d: Decision): boolean {
  const subject = subjectOf(rec.code, rec.message);
  if (subject === undefined) return true;
  if (subject === d.subject) return true;
  // JSON spells out `append(strings.b.buf, strings.s...)` where text says `append`.
  return d.subject === 'append' && subject.startsWith('append(');
}

/** Fills `at` positions the text lacked, step by step and reason by reason. */
function fillPositions(text: Explanation, json: Explanation): Explanation {
  return {
    ...text,
    steps: text.steps.map((step, i) => ({
      ...step,
      reasons: step.reasons.map((r, j) => {
        const at = json.steps[i]?.reasons[j]?.at;
        return r.at || !at ? r : { ...r, at };
      }),
    })),
  };
}

/**
 * Adds `inlinedFrom` to decisions matching a log record (same position, compatible kind and
 * subject), and explanations with step positions. `files` are the log's files, e.g.
 * `{ name: 'main/main.json', content }`; `stripPrefixes` are job directory prefixes to remove.
 */
export function mergeJsonLog(
  decisions: Decision[],
  files: ReadonlyArray<{ name: string; content: string }>,
  stripPrefixes: readonly string[],
): Decision[] {
  const out = decisions.map((d) => ({ ...d }));
  const used = new Set<number>();
  const records = parseRecords(files, stripPrefixes);
  // An `escape` record with an empty message is a marker for an escape reported in another
  // record; it only carries the inline chain, so it comes last and fills chains still missing.
  const isMarker = (r: LogRecord) => r.code === 'escape' && r.message === '';
  const byPosition = groupByPosition(out);
  for (const rec of [...records.filter((r) => !isMarker(r)), ...records.filter(isMarker)]) {
    const kinds = KINDS_BY_CODE[rec.code];
    if (!kinds) continue;
    const open = (d: Decision, k: number) =>
      kinds.has(d.kind) && (isMarker(rec) ? d.inlinedFrom === undefined : !used.has(k));
    const here = (byPosition.get(positionKey(rec.pos)) ?? []).filter((k) => open(out[k]!, k));
    const exact = here.find((k) => subjectMatches(rec, out[k]!));
    // Text may name an inlined copy after constant propagation (`make([]byte, 3)`) where the
    // log keeps `make([]byte, n)`: a lone open decision at the position is the match.
    const i = exact !== undefined && !isMarker(rec) ? exact : here.length === 1 ? here[0]! : -1;
    const d = out[i];
    if (!d) continue;
    used.add(i);
    if (rec.inlinedFrom.length > 0) d.inlinedFrom = rec.inlinedFrom;
    if (rec.explanation) {
      d.explanation = d.explanation
        ? fillPositions(d.explanation, rec.explanation)
        : rec.explanation;
    }
  }
  return out;
}
