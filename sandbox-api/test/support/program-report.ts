/**
 * Hostile programs print one `label: result` line per attempt; this reads them back so a test
 * can assert each attempt separately (and a missing line fails the test instead of passing).
 */
export function reportLines(stdout: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (stdout ?? '').split('\n')) {
    const m = /^([\w./:@[\]-]+): (.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** The result printed for `label`; throws when the program never got that far. */
export function resultOf(report: Map<string, string>, label: string): string {
  const v = report.get(label);
  if (v === undefined) throw new Error(`the program printed no result for ${label}`);
  return v;
}
