import type { Decision } from '@go-memory-lab/sandbox-api/protocol';
import { buildStackOrHeapDiagram } from '../../lib/results/diagram.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { renderMermaid } from '../mermaid.ts';

/** Waits until `el` is within 200px of the viewport, so Mermaid loads only for a seen diagram. */
function whenVisible(el: HTMLElement): Promise<void> {
  if (!('IntersectionObserver' in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        resolve();
      },
      { rootMargin: '200px 0px' },
    );
    io.observe(el);
  });
}

function pageTheme(): 'light' | 'dark' {
  const t = document.documentElement.dataset['theme'];
  if (t === 'light' || t === 'dark') return t;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `fn` whenever the page theme flips (the layout sets html[data-theme]). */
export function onThemeChange(fn: () => void): void {
  let last = pageTheme();
  new MutationObserver(() => {
    const now = pageTheme();
    if (now !== last) {
      last = now;
      fn();
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

const NODE_ID = /flowchart-([A-Za-z0-9]+)-\d+$/;

/**
 * Draws the stack-or-heap flow for `d` into `el`; clicking (or Enter on) a node calls
 * `onLine` with the source line it stands for. Later calls replace earlier ones; a stale
 * render that finishes late is dropped.
 */
export function createDiagramView(
  el: HTMLElement,
  caption: HTMLElement,
  note: HTMLElement,
  onLine: (line: number) => void,
) {
  let generation = 0;
  const locale = documentLocale();
  return async function show(
    d: Decision | undefined,
    all: readonly Decision[],
    /** Why there is nothing to draw, when it is not simply "no decision" (stale, no compile). */
    empty = t(locale, 'snippet.noDiagram'),
  ): Promise<void> {
    const mine = ++generation;
    if (!d) {
      caption.textContent = '';
      note.textContent = '';
      delete el.dataset['subject'];
      delete el.dataset['verdict'];
      const p = document.createElement('p');
      p.className = 'sn-empty';
      p.textContent = empty;
      el.replaceChildren(p);
      return;
    }
    const diagram = buildStackOrHeapDiagram(d, all, { theme: pageTheme(), locale });
    caption.textContent = t(locale, 'snippet.diagramCaption', { subject: d.subject, line: d.line });
    note.textContent = diagram.note ?? '';
    el.dataset['subject'] = d.subject;
    el.dataset['verdict'] = diagram.verdict;
    await whenVisible(el);
    if (mine !== generation) return;
    const svg = await renderMermaid(el, diagram.source);
    if (mine !== generation) return;
    // The site's theme switch redraws every Mermaid block from its stored source, which would
    // drop these node listeners; this view redraws itself instead (see onThemeChange).
    delete el.dataset['mermaidTheme'];
    // Its nodes are buttons, so it cannot be role=img (whose children are presentational).
    svg.setAttribute('role', 'group');
    svg.setAttribute(
      'aria-label',
      t(locale, diagram.verdict === 'heap' ? 'diagram.ariaHeap' : 'diagram.ariaStack', {
        subject: d.subject,
        line: d.line,
      }),
    );
    for (const node of el.querySelectorAll<SVGGElement>('g.node')) {
      const id = NODE_ID.exec(node.id)?.[1];
      const line = id === undefined ? undefined : diagram.nodeLines[id];
      if (line === undefined) continue;
      node.dataset['line'] = String(line);
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      // No aria-label: the name comes from the node's own text (WCAG 2.5.3 label in name);
      // the note above the diagram says a click finds the line.
      node.style.cursor = 'pointer';
      node.addEventListener('click', () => onLine(line));
      node.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onLine(line);
        }
      });
    }
  };
}
