import { describe, expect, it } from 'vitest';
import { goTokens, renderStaticCode } from '../../../src/components/snippet/render-code.ts';
import { renderResultSlots } from '../../../src/components/snippet/render-result.ts';
import { DEFAULT_FILTER } from '../../../src/lib/results/filter.ts';
import {
  decisionsToMarks,
  errorsToMarks,
  gutterCategories,
} from '../../../src/lib/results/marks.ts';
import { loadResult } from './fixtures.ts';

const shown = new Set(DEFAULT_FILTER);

async function staticHtml(name: string): Promise<{ html: string; text: string }> {
  const r = loadResult(name);
  const text = r.request.files[0]!.content;
  const tokens = await goTokens(text);
  const doc = { file: 'main.go', text };
  const marks = decisionsToMarks(r.decisions, doc);
  const errors = errorsToMarks(r.compileErrors, doc);
  return { html: renderStaticCode(tokens, marks, errors, gutterCategories(marks)), text };
}

/** The static view's rows, in order (one per source line; the line number is CSS). */
const rowsOf = (html: string) => html.split(/(?=<span class="sn-row)/).filter(Boolean);
/** What a row shows as text: tags dropped, the entities esc() writes decoded. */
const textOf = (row: string) =>
  row
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

// The first test loads Shiki's grammar engine: seconds on a busy two-core machine.
describe('renderStaticCode', { timeout: 30_000 }, () => {
  it('paints one row per line with gutter marks and underlines from the recorded result', async () => {
    const { html, text } = await staticHtml('return-pointer.m2.json');
    const lines = text.replace(/\n$/, '').split('\n');
    const rows = rowsOf(html);
    expect(rows).toHaveLength(lines.length);
    expect(rows[7]).toContain('sn-g-heap');
    expect(rows[7]).toMatch(/class="sn-u sn-u-heap">p<\/span>/);
    expect(rows[12]).toContain('sn-g-stack');
    // Lines without a decision carry no gutter element at all.
    expect(rows[0]).not.toContain('sn-g');
    // Source text survives run merging, escaped, with no stray newlines between grid rows.
    expect(html).not.toContain('\n');
    expect(rows.map((r) => textOf(r))).toEqual(lines.map((l) => l || ' '));
    expect(html).not.toMatch(/&(?!#\d+;)|<(?!\/?span)/);
  });

  it('colours tokens by class, never by inline style, and leaves plain text bare', async () => {
    const { html } = await staticHtml('return-pointer.m2.json');
    expect(html).not.toContain('style=');
    // `func` is a keyword; the space after it is plain text outside any element.
    expect(html).toMatch(/<span class="sn-t-k">func<\/span> /);
  });

  it('marks a compile error row', async () => {
    const { html } = await staticHtml('compile-error.json');
    expect(rowsOf(html)[3]).toMatch(/^<span class="sn-row sn-row-error">/);
    expect(html).toContain('sn-u-error');
  });
});

describe('renderResultSlots', () => {
  it('labels the origin, toolchain and flags, and lists heap and stack decisions', () => {
    const r = loadResult('return-pointer.m2.json');
    const slots = renderResultSlots(r, 'recorded', ['main.go'], shown);
    expect(slots.meta).toContain('Recorded result');
    expect(slots.meta).toContain(r.toolchain.version);
    expect(slots.meta).toContain('-gcflags=&#39;-m=2&#39;');
    expect(slots.decisions).toContain('moved to heap: p');
    // inlining decisions are in the list but hidden by the default filter
    expect(slots.decisions).toMatch(/data-cat="inline" hidden/);
    expect(slots.errors).toBe('');
    expect(slots.gc).toBe('');
    expect(renderResultSlots(r, 'live', ['main.go'], shown).meta).toContain('Live result');
  });

  it('paints only what is on screen before the editor loads on the first paint', () => {
    const r = loadResult('return-pointer.m2.json');
    const full = renderResultSlots(r, 'recorded', ['main.go'], shown, 'en');
    const first = renderResultSlots(r, 'recorded', ['main.go'], shown, 'en', {
      rawHref: '/snippet-data/x.0123.txt',
    });
    // Same visible decisions: the hidden (inlining) ones and the controller's keys are left out.
    const visible = (html: string) =>
      [
        ...html.matchAll(/<li class="sn-decision" data-cat="(\w+)">[\s\S]*?<code>([^<]*)<\/code>/g),
      ].map((m) => `${m[1]} ${m[2]}`);
    expect(visible(first.decisions)).toEqual(visible(full.decisions));
    expect(visible(first.decisions)).toContain('heap moved to heap: p');
    expect(full.decisions).toMatch(/data-cat="inline" hidden/);
    expect(first.decisions).not.toMatch(/ hidden|data-key|data-line/);
    // The collapsed raw output is a link to the same text as a file, not the text.
    expect(full.raw).toContain(r.compilerOutput.text.split('\n')[0]!.replace('&', '&#38;'));
    expect(first.raw).toContain('href="/snippet-data/x.0123.txt"');
    expect(first.raw).not.toContain('<pre');
    expect(first.meta).toBe(full.meta);
  });

  it('shows compile errors and no decisions for code that does not build', () => {
    const slots = renderResultSlots(loadResult('compile-error.json'), 'live', ['main.go'], shown);
    expect(slots.errors).toContain('did not compile');
    expect(slots.errors).toContain('declared and not used: x');
    expect(slots.errors).toContain('data-line="4"');
    expect(slots.decisions).toBe('');
  });

  it('draws GC cycles as a chart and a table, and the program output', () => {
    const r = loadResult('gc-run.json');
    const slots = renderResultSlots(r, 'live', ['main.go'], shown);
    const n = r.gc!.cycles.length;
    expect(slots.gc.match(/<rect /g)).toHaveLength(n);
    expect(slots.gc.match(/<tr><td>/g)).toHaveLength(n);
    expect(slots.output).toContain(r.run!.stdout.text.trim());
  });
});
