import { describe, expect, it } from 'vitest';
import { renderBench, renderGc } from '../../../src/components/snippet/render-run.ts';
import { fixture } from '../claims/load-fixture.ts';

/** Cell texts of each row, tags stripped (enough structure for a table we wrote ourselves). */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

describe('renderBench on real pool-reuse output', () => {
  const bench = fixture('pool-reuse').bench!;
  const html = renderBench(bench);

  it('puts the memory columns right after the name, so a phone shows them first', () => {
    const [head, ...body] = rows(html);
    expect(head).toEqual(['benchmark', 'allocs/op', 'B/op', 'ns/op', 'runs']);
    for (const b of bench.results) {
      expect(body).toContainEqual([
        b.name,
        String(b.allocsPerOp),
        String(b.bytesPerOp),
        String(b.nsPerOp),
        String(b.iterations),
      ]);
    }
  });

  it('lets names wrap only after the Benchmark prefix', () => {
    expect(html).toContain('<code>Benchmark<wbr>Fresh</code>');
    expect(html).toContain('<code>Benchmark<wbr>Pooled</code>');
  });
});

describe('renderGc with a trace line the exit cut short', () => {
  it('says which cycle lost its line and how to keep it, and still draws the others', () => {
    const gc = fixture('gc-churn').gc!;
    const cutShort = 'gc 9 @0.012s 3%: 0.017+0.2';
    const html = renderGc({ ...gc, cutShort });
    expect(html).toContain('trace line of cycle 9');
    expect(html).toContain(`<code>${cutShort}</code>`);
    expect(rows(html).length).toBe(gc.cycles.length + 1);
    expect(renderGc(gc)).not.toContain('trace line of cycle');
  });
});

describe('renderGc says what peak heap is', () => {
  // A real gctrace capture; the kill flag is the only thing varied, as the service would set it.
  const real = fixture('gc-churn');

  it('explains the number, and after a memory-limit kill why it can exceed the limit', () => {
    const gc = real.gc!;
    expect(renderGc(gc, real.run)).toContain(`peak heap ${gc.summary.peakHeapMB} MB`);
    expect(renderGc(gc, real.run)).toContain('Peak heap is the largest');
    const killed = renderGc(gc, { ...real.run!, outOfMemory: true });
    expect(killed).toContain('stopped for using more memory than the sandbox allows');
    expect(killed).toContain('actually touched');
    expect(renderGc(gc, real.run, 'zh')).toContain('堆峰值');
  });
});
