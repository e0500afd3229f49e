import type { Decision } from '@go-memory-lab/sandbox-api/protocol';

export interface LineGroup {
  file: string;
  line: number;
  decisions: Decision[];
}

/**
 * Groups by (file, line), sorted by file order of first appearance, then line, then column.
 * The compiler prints in emission order (callees first), which reads as random to a learner.
 */
export function groupDecisionsByLine(decisions: readonly Decision[]): LineGroup[] {
  const fileOrder = new Map<string, number>();
  for (const d of decisions) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  const sorted = [...decisions].sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const groups: LineGroup[] = [];
  for (const d of sorted) {
    const last = groups.at(-1);
    if (last && last.file === d.file && last.line === d.line) last.decisions.push(d);
    else groups.push({ file: d.file, line: d.line, decisions: [d] });
  }
  return groups;
}
