import { describe, expect, it } from 'vitest';
import { renderBench } from '../../../src/components/snippet/render-run.ts';
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
