import type { Decision, FlowStep } from '@go-memory-lab/sandbox-api/protocol';
import { classify } from './classify.ts';
import { mermaidLabel } from './mermaid-text.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

type Tr = ReturnType<typeof translator>;

export interface StackOrHeapDiagram {
  /** Mermaid flowchart source. */
  source: string;
  /** Node id → source line it stands for, so a click can highlight that line. */
  nodeLines: Record<string, number>;
  /** Where the path ends. */
  verdict: 'heap' | 'stack' | 'result' | 'unknown';
  /** A note for the reader when the chain is missing (e.g. only `-m` data). */
  note?: string;
  /** Each node's text in path order: the no-JS fallback reads these as a list. */
  nodes: { id: string; lines: string[] }[];
}

// Flow labels are long (`from fmt.Fprintln(os.Stdout, fmt.a...) (call parameter)`): let them
// run wider than Mermaid's 200px default before wrapping.
const HEADER = ['---', 'config:', '  flowchart:', '    wrappingWidth: 420', '---', 'flowchart TD'];

const CLASSES = {
  light: [
    'classDef heap fill:#fde0dc,stroke:#c62828,color:#5f1212,stroke-width:2px',
    'classDef stack fill:#dcf1de,stroke:#2e7d32,color:#12361a,stroke-width:2px',
    'classDef subject fill:#e3ecfb,stroke:#1f5fbf,color:#0d2a57',
    'classDef step fill:#f6f6f6,stroke:#888,color:#222',
  ],
  dark: [
    'classDef heap fill:#4a1c12,stroke:#f0883e,color:#ffdcc8,stroke-width:2px',
    'classDef stack fill:#12341c,stroke:#3fb950,color:#d2f5d9,stroke-width:2px',
    'classDef subject fill:#0c2d6b,stroke:#58a6ff,color:#dbe9ff',
    'classDef step fill:#1c2128,stroke:#6e7681,color:#e6edf3',
  ],
};

/** Options for {@link buildStackOrHeapDiagram}. */
export interface DiagramOptions {
  /** Node colours for the page theme; Mermaid's own theme does not reach classDef fills. */
  theme?: 'light' | 'dark';
  /** Language of the node texts (compiler names and reasons stay as the compiler wrote them). */
  locale?: Locale;
}

function stepLines(step: FlowStep, tr: Tr): string[] {
  const ops = step.ops === '&' ? '&' : step.ops;
  const lines = [`${step.dst} ← ${ops}${step.src}`];
  for (const r of step.reasons)
    lines.push(
      `${r.where} (${r.why})${r.at ? ` · ${tr('diagram.line', { line: r.at.line })}` : ''}`,
    );
  return lines;
}

function stepLine(step: FlowStep): number | undefined {
  return step.reasons.find((r) => r.at)?.at?.line;
}

/** Reads the subject's compiler name as the learner wrote it where possible. */
function subjectLabel(d: Decision, tr: Tr): string[] {
  const param = d.kind.startsWith('leaking') || d.kind === 'param-does-not-escape';
  return [
    param ? tr('diagram.parameter', { subject: d.subject }) : d.subject,
    d.function
      ? tr('diagram.lineIn', { line: d.line, fn: d.function })
      : tr('diagram.line', { line: d.line }),
  ];
}

/**
 * The compiler's reasoning for one decision as a top-down flowchart: the subject, each `-m=2`
 * flow hop with its `from … (why)` reasons, ending on HEAP, STACK or a result.
 * @param all every decision of the run: tells a `-m` run (no chains anywhere) from a heap
 *   decision the compiler did not explain.
 */
export function buildStackOrHeapDiagram(
  d: Decision,
  all: readonly Decision[],
  opts: DiagramOptions = {},
): StackOrHeapDiagram {
  const out = [...HEADER, ...CLASSES[opts.theme ?? 'light'].map((c) => `  ${c}`)];
  const nodeLines: Record<string, number> = { S: d.line };
  const nodes: Builder['nodes'] = [];
  const label: Builder['label'] = (id, lines) => {
    nodes.push({ id, lines: [...lines] });
    return mermaidLabel(lines);
  };
  const tr = translator(opts.locale ?? 'en');
  const b: Builder = { out, nodeLines, nodes, label, tr };
  out.push(`  S[${label('S', subjectLabel(d, tr))}]:::subject`);
  const category = classify(d.kind);

  if (category === 'stack' || d.kind === 'leaking-param-to-result') {
    const returned = d.kind === 'leaking-param-to-result';
    if (returned && d.explanation) return chain(d, b);
    out.push(
      `  W[${label('W', [tr(returned ? 'diagram.toResult' : 'diagram.notKept')])}]:::step`,
      `  K([${label('K', [tr('diagram.stack')])}]):::stack`,
      '  S --> W --> K',
    );
    nodeLines['W'] = d.line;
    nodeLines['K'] = d.line;
    return { source: out.join('\n'), nodeLines, verdict: 'stack', nodes };
  }
  if (category !== 'heap') {
    out.push(`  N[${label('N', [tr('diagram.notStackOrHeap')])}]:::step`, '  S --> N');
    nodeLines['N'] = d.line;
    return { source: out.join('\n'), nodeLines, verdict: 'unknown', nodes };
  }
  if (d.explanation && d.explanation.steps.length > 0) return chain(d, b);

  const anyChain = all.some((x) => x.explanation);
  const note = tr(anyChain ? 'diagram.noFlow' : 'diagram.runWhy');
  out.push(
    `  Q[${label('Q', [note])}]:::step`,
    `  H[(${label('H', [tr('diagram.heap')])})]:::heap`,
    '  S --> Q -.-> H',
  );
  nodeLines['Q'] = d.line;
  nodeLines['H'] = d.line;
  return { source: out.join('\n'), nodeLines, verdict: 'heap', note, nodes };
}

interface Builder {
  out: string[];
  nodeLines: Record<string, number>;
  nodes: { id: string; lines: string[] }[];
  /** Records a node's text and returns it as a Mermaid label. */
  label: (id: string, lines: readonly string[]) => string;
  tr: Tr;
}

function chain(d: Decision, { out, nodeLines, nodes, label, tr }: Builder): StackOrHeapDiagram {
  const e = d.explanation!;
  let prev = 'S';
  e.steps.forEach((step, i) => {
    const id = `F${i + 1}`;
    out.push(`  ${id}[${label(id, stepLines(step, tr))}]:::step`, `  ${prev} --> ${id}`);
    nodeLines[id] = stepLine(step) ?? d.line;
    prev = id;
  });
  const sink = e.sink ?? e.steps.at(-1)?.dst ?? '';
  const lastLine = nodeLines[prev] ?? d.line;
  if (sink === '{heap}' || classify(d.kind) === 'heap') {
    out.push(`  H[(${label('H', [tr('diagram.heap')])})]:::heap`, `  ${prev} --> H`);
    nodeLines['H'] = lastLine;
  } else {
    out.push(`  R([${label('R', [tr('diagram.result', { sink })])}]):::stack`, `  ${prev} --> R`);
    nodeLines['R'] = lastLine;
  }
  if (e.truncated) {
    out.push(`  T[${label('T', [tr('diagram.truncated')])}]:::step`, `  ${prev} -.-> T`);
  }
  const verdict = sink === '{heap}' || classify(d.kind) === 'heap' ? 'heap' : 'result';
  return { source: out.join('\n'), nodeLines, verdict, nodes };
}

/**
 * The decision a diagram opens on: the snippet's `focus` subject if the compiler mentions it
 * (heap over stack), else the first heap decision, else the first stack one.
 */
export function pickDiagramSubject(
  decisions: readonly Decision[],
  focus?: string,
): Decision | undefined {
  const ranked = (ds: readonly Decision[]) =>
    ds.find((d) => d.kind === 'moved-to-heap') ??
    ds.find((d) => classify(d.kind) === 'heap') ??
    ds.find((d) => classify(d.kind) === 'stack');
  if (focus !== undefined) {
    const hit = ranked(decisions.filter((d) => d.subject === focus));
    if (hit) return hit;
  }
  return ranked(decisions);
}
