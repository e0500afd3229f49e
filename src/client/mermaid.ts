/**
 * Client-side Mermaid rendering. Mermaid is large (hundreds of KB), so it is imported only when a
 * diagram is about to be seen; pages without a visible diagram never download it.
 */
import type { Mermaid } from 'mermaid';
import { documentLocale } from '../i18n/locales.ts';

/** Options for {@link renderMermaid}. */
export interface RenderMermaidOptions {
  /**
   * Allow `click NODE call fn()` callbacks in the source (Mermaid's "loose" security level).
   * Leave off for author-written diagrams; the live snippet diagram escapes its own labels.
   */
  interactive?: boolean;
}

let loading: Promise<Mermaid> | undefined;
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

/** The page theme set by the layout's head script (falls back to the OS preference). */
function isDark(): boolean {
  const theme = document.documentElement.dataset['theme'];
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small SVG warning sign, so the caller still gets the SVGElement it was promised. */
function errorIcon(): SVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset['mermaidError'] = '';
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M8 1 15 14H1Z M8 6v4 M8 11.5v1');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  svg.append(path);
  return svg;
}

/** The page's words for a diagram; the catalogues load with Mermaid, never before. */
async function words(): Promise<
  (key: 'diagram.failed' | 'diagram.source' | 'diagram.name') => string
> {
  const { t } = await import('../i18n/t.ts');
  const locale = documentLocale();
  return (key) => t(locale, key);
}

function showError(
  el: HTMLElement,
  source: string,
  err: unknown,
  tr: Awaited<ReturnType<typeof words>>,
): SVGElement {
  const box = document.createElement('div');
  box.className = 'mermaid-error';
  box.setAttribute('role', 'note');
  const title = document.createElement('p');
  const icon = errorIcon();
  title.append(icon, ` ${tr('diagram.failed')}`);
  const message = document.createElement('pre');
  message.textContent = err instanceof Error ? err.message : String(err);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = tr('diagram.source');
  const code = document.createElement('pre');
  code.textContent = source;
  details.append(summary, code);
  box.append(title, message, details);
  el.replaceChildren(box);
  return icon;
}

/**
 * Renders `source` into `el` (replacing its children) and resolves to the drawn SVG. Never
 * rejects: a syntax error is shown as a readable box inside `el`, and the SVG returned is then a
 * small warning icon carrying `data-mermaid-error`.
 */
export async function renderMermaid(
  el: HTMLElement,
  source: string,
  options: RenderMermaidOptions = {},
): Promise<SVGElement> {
  const id = `gml-mermaid-${++counter}`;
  const tr = await words();
  try {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      theme: isDark() ? 'dark' : 'default',
      // Mermaid's dark theme draws edge labels in light grey on a mid-grey box (about 3:1);
      // a page-coloured box keeps them readable (WCAG AA, checked by axe in the e2e tests).
      ...(isDark()
        ? { themeVariables: { edgeLabelBackground: '#0d1117', tertiaryTextColor: '#e6edf3' } }
        : {}),
      securityLevel: options.interactive === true ? 'loose' : 'strict',
      // Mermaid measures labels with this font, so it must be a real family list, not `inherit`.
      fontFamily: getComputedStyle(el).fontFamily || 'system-ui, sans-serif',
    });
    const { svg, bindFunctions } = await mermaid.render(id, source);
    el.innerHTML = svg;
    bindFunctions?.(el);
    el.dataset['mermaidSource'] = source;
    el.dataset['mermaidTheme'] = isDark() ? 'dark' : 'light';
    if (options.interactive === true) el.dataset['mermaidInteractive'] = '';
    const drawn = el.querySelector('svg');
    if (!drawn) throw new Error('Mermaid produced no SVG');
    // axe requires a name on role=img; Mermaid names it only when the source has accTitle.
    if (!drawn.hasAttribute('aria-labelledby') && !drawn.hasAttribute('aria-label')) {
      drawn.setAttribute('aria-label', tr('diagram.name'));
    }
    drawn.setAttribute('role', 'img');
    return drawn;
  } catch (err) {
    // Mermaid leaves its scratch container behind when parsing fails.
    document.getElementById(`d${id}`)?.remove();
    document.getElementById(id)?.remove();
    return showError(el, source, err, tr);
  }
}

/**
 * Draws `source` into `el` once it comes within reach of the viewport; until then nothing is
 * downloaded. Safe to call on elements that are already visible.
 */
export function renderMermaidWhenVisible(el: HTMLElement, source: string): void {
  el.dataset['mermaidSource'] = source;
  if (!('IntersectionObserver' in window)) {
    void renderMermaid(el, source);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void renderMermaid(el, source);
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(el);
}

/** Redraws every diagram drawn for the other theme (called when the reader switches theme). */
export function rerenderMermaidForTheme(): void {
  const wanted = isDark() ? 'dark' : 'light';
  for (const el of document.querySelectorAll<HTMLElement>('[data-mermaid-theme]')) {
    const source = el.dataset['mermaidSource'];
    if (source === undefined || el.dataset['mermaidTheme'] === wanted) continue;
    void renderMermaid(el, source, { interactive: el.dataset['mermaidInteractive'] !== undefined });
  }
}
