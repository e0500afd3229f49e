/**
 * Claims about compiler decisions: a decision on a line, no heap decision on a line, a reason in
 * the -m=2 flow behind a heap decision, and a compile error.
 */
import type { AnalyzeResponse, Decision } from '@go-memory-lab/sandbox-api/protocol';
import type { Claim } from './schema.ts';
import { baseName, type ClaimVerdict } from './verdict.ts';

type ClaimOf<T extends Claim['type']> = Extract<Claim, { type: T }>;

const HEAP_KINDS: ReadonlySet<Decision['kind']> = new Set(['moved-to-heap', 'escapes-to-heap']);

function onLine(result: AnalyzeResponse, file: string, line: number): Decision[] {
  const name = baseName(file);
  return result.decisions.filter((d) => d.line === line && baseName(d.file) === name);
}

/** `line 9: moved to heap: x (from &x (address-of) at line 10 → … → return &x (return))`. */
export function quoteDecision(d: Decision): string {
  const reasons = (d.explanation?.steps ?? []).flatMap((s) => s.reasons);
  const at = (r: (typeof reasons)[number]) =>
    `${r.where} (${r.why})${r.at ? ` at line ${r.at.line}` : ''}`;
  const first = reasons[0];
  const last = reasons.at(-1);
  let flow = '';
  if (first && last) flow = first === last ? `: ${at(first)}` : `: ${at(first)} → … → ${at(last)}`;
  return `line ${d.line}: \`${d.message}\`${flow}`;
}

function saidOnLine(ds: readonly Decision[], line: number): string {
  if (ds.length === 0) return `the compiler reported nothing on line ${line}`;
  return `on line ${line} the compiler said ${ds.map((d) => `\`${d.message}\``).join(', ')}`;
}

export function decisionClaim(claim: ClaimOf<'decision'>, result: AnalyzeResponse): ClaimVerdict {
  const here = onLine(result, claim.file, claim.line);
  const hits = here.filter(
    (d) => d.kind === claim.kind && (claim.subject === undefined || d.subject === claim.subject),
  );
  const what = `${claim.kind}${claim.subject === undefined ? '' : ` about \`${claim.subject}\``}`;
  const first = hits[0];
  if (claim.present) {
    return first
      ? { met: true, reason: quoteDecision(first) }
      : { met: false, reason: `no ${what} on line ${claim.line}: ${saidOnLine(here, claim.line)}` };
  }
  return first
    ? { met: false, reason: `expected no ${what}, but ${quoteDecision(first)}` }
    : { met: true, reason: `no ${what} on line ${claim.line}: ${saidOnLine(here, claim.line)}` };
}

export function stackClaim(claim: ClaimOf<'stack'>, result: AnalyzeResponse): ClaimVerdict {
  const here = onLine(result, claim.file, claim.line);
  const heap = here.filter((d) => HEAP_KINDS.has(d.kind));
  if (heap.length > 0) return { met: false, reason: heap.map(quoteDecision).join('; ') };
  const said = here.length === 0 ? '' : ` (${saidOnLine(here, claim.line)})`;
  return { met: true, reason: `no heap decision on line ${claim.line}${said}` };
}

export function flowClaim(claim: ClaimOf<'flow'>, result: AnalyzeResponse): ClaimVerdict {
  const explained = onLine(result, claim.file, claim.line).filter((d) => d.explanation);
  // Heap decisions first: they are what the claim is about; leaks explain them further.
  explained.sort((a, b) => Number(HEAP_KINDS.has(b.kind)) - Number(HEAP_KINDS.has(a.kind)));
  for (const d of explained) {
    const step = d.explanation?.steps.find((s) => s.reasons.some((r) => r.why === claim.why));
    const r = step?.reasons.find((x) => x.why === claim.why);
    if (step && r) {
      const at = r.at ? ` at line ${r.at.line}` : '';
      return {
        met: true,
        reason: `line ${d.line}: \`${d.message}\`: flow ${step.dst} ← ${step.ops}${step.src}, from ${r.where} (${r.why})${at}`,
      };
    }
  }
  if (explained.length === 0) {
    const detail = result.request.escapeDetail === 2 ? '' : ' (the analysis ran with -m, not -m=2)';
    return { met: false, reason: `no -m=2 explanation on line ${claim.line}${detail}` };
  }
  const whys = [
    ...new Set(
      explained
        .flatMap((d) => d.explanation?.steps ?? [])
        .flatMap((s) => s.reasons.map((r) => r.why)),
    ),
  ];
  return {
    met: false,
    reason: `no step "${claim.why}" in the flow on line ${claim.line}; the reasons given are ${whys.map((w) => `"${w}"`).join(', ')}`,
  };
}

export function compileErrorClaim(
  claim: ClaimOf<'compile-error'>,
  result: AnalyzeResponse,
): ClaimVerdict {
  if (result.ok) return { met: false, reason: 'the code compiles' };
  const name = baseName(claim.file);
  const hit = result.compileErrors.find(
    (e) =>
      e.line === claim.line &&
      baseName(e.file) === name &&
      (claim.contains === undefined || e.message.includes(claim.contains)),
  );
  if (hit) return { met: true, reason: `line ${hit.line}: ${hit.message}` };
  const all = result.compileErrors.map((e) => `${baseName(e.file)}:${e.line}: ${e.message}`);
  return {
    met: false,
    reason: `no matching error on line ${claim.line}; the compiler said: ${all.join('; ') || result.compilerOutput.text.trim()}`,
  };
}
