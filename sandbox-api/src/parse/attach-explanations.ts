/**
 * Joins -m=2 explanation blocks to the verdict lines they explain.
 *
 * A block usually precedes its verdict (`t escapes to heap in newT:` … `moved to heap: t`), but
 * other blocks may come in between (copyBuf's `w` leak block, then the buffer's block, then both
 * verdicts), and some blocks have no verdict at all (generic instantiations in GOROOT). So the
 * join is by position and subject, not by adjacency.
 */
import type { Decision, DecisionKind, Explanation, Position } from '../protocol.ts';
import type { BlockHeader } from './flow.ts';
import { groupByPosition, positionKey } from './position.ts';

export interface OpenBlock {
  pos: Position;
  header: BlockHeader;
  /** The header line's message, used when no verdict claims the block. */
  message: string;
  explanation: Explanation;
  /** Number of decisions emitted before the block: verdicts after it are preferred. */
  order: number;
}

const HEAP: ReadonlySet<DecisionKind> = new Set(['moved-to-heap', 'escapes-to-heap']);
const LEAK: ReadonlySet<DecisionKind> = new Set([
  'leaking-param',
  'leaking-param-content',
  'leaking-param-to-result',
]);

function subjectMatches(block: BlockHeader, d: Decision): boolean {
  if (block.subject === d.subject) return true;
  // Text says `append escapes to heap` where the header names the whole `append(xs, 1)`.
  return d.subject === 'append' && block.subject.startsWith('append(');
}

/** The verdict a leak to this sink would print (E6/E7 for the heap, E8 for a result). */
function sinkMatches(block: BlockHeader, d: Decision): boolean {
  if (d.kind === 'leaking-param-to-result') return d.details['result'] === block.sink;
  return block.sink === '{heap}' || !/^~r\d+$/.test(block.sink ?? '');
}

/** How closely a verdict must match: subject and sink, subject only, or position only. */
type Strictness = 'sink' | 'subject' | 'position';

function candidates(
  block: OpenBlock,
  decisions: Decision[],
  atPosition: readonly number[],
  level: Strictness,
): number[] {
  const kinds = block.header.header === 'leaks' ? LEAK : HEAP;
  const found: number[] = [];
  atPosition.forEach((i) => {
    const d = decisions[i]!;
    if (d.explanation || !kinds.has(d.kind)) return;
    if (level !== 'position' && !subjectMatches(block.header, d)) return;
    if (level === 'sink' && block.header.header === 'leaks' && !sinkMatches(block.header, d)) {
      return;
    }
    found.push(i);
  });
  // Prefer the first verdict printed after the block.
  return [...found.filter((i) => i >= block.order), ...found.filter((i) => i < block.order)];
}

/** Returns the decisions with explanations attached, plus one `other` decision per orphan block. */
export function attachExplanations(decisions: Decision[], blocks: OpenBlock[]): Decision[] {
  const out = decisions.map((d) => ({ ...d }));
  const orphans: Decision[] = [];
  const byPosition = groupByPosition(out);
  for (const block of blocks) {
    const here = byPosition.get(positionKey(block.pos)) ?? [];
    // Inlined copies are reported after constant propagation: the header says
    // `make([]byte, n)`, the verdict `make([]byte, 3)`. A lone verdict at the position is it.
    const loose = candidates(block, out, here, 'position');
    const i =
      candidates(block, out, here, 'sink')[0] ??
      candidates(block, out, here, 'subject')[0] ??
      (loose.length === 1 ? loose[0] : undefined);
    const target = i === undefined ? undefined : out[i];
    if (target) {
      target.explanation = block.explanation;
      if (block.header.function !== undefined) target.function = block.header.function;
      continue;
    }
    const orphan: Decision = {
      ...block.pos,
      kind: 'other',
      subject: block.header.subject,
      message: block.message,
      details: { unmatchedExplanation: true },
      explanation: block.explanation,
    };
    if (block.header.function !== undefined) orphan.function = block.header.function;
    orphans.push(orphan);
  }
  return [...out, ...orphans];
}
