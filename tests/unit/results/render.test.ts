import { codeToTokens } from 'shiki';
import { describe, expect, it } from 'vitest';
import { renderStaticCode } from '../../../src/components/snippet/render-code.ts';
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
  const { tokens } = await codeToTokens(text.replace(/\n$/, ''), {
    lang: 'go',
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
  });
  const doc = { file: 'main.go', text };
  const marks = decisionsToMarks(r.decisions, doc);
  const errors = errorsToMarks(r.compileErrors, doc);
  return { html: renderStaticCode(tokens, marks, errors, gutterCategories(marks)), text };
}

describe('renderStaticCode', () => {
  it('paints one row per line with gutter marks and underlines from the recorded result', async () => {
    const { html, text } = await staticHtml('return-pointer.m2.json');
    const rows = html.match(/<span class="sn-row[^"]*" data-line="\d+">/g) ?? [];
    expect(rows).toHaveLength(text.replace(/\n$/, '').split('\n').length);
    const row8 = /data-line="8">(.*?)<span class="sn-row/.exec(html)![1]!;
    expect(row8).toContain('sn-g-heap');
    expect(row8).toMatch(/class="sn-u sn-u-heap">p<\/span>/);
    const row13 = /data-line="13">(.*?)<span class="sn-row/.exec(html)![1]!;
    expect(row13).toContain('sn-g-stack');
    // Source text survives, escaped, with no stray newlines between grid rows.
    expect(html).not.toContain('\n');
    expect(html.replace(/<[^>]+>/g, '')).toContain('return &#38;p');
  });

  it('marks a compile error row', async () => {
    const { html } = await staticHtml('compile-error.json');
    expect(html).toMatch(/<span class="sn-row sn-row-error" data-line="4">/);
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
