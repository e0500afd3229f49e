/**
 * The Chinese edition explains compiler decisions in Chinese, from the same parsed output the
 * English uses (a real go toolchain capture), keeping the compiler's own words in English.
 */
import { describe, expect, it } from 'vitest';
import { explainDecision } from '../../../src/lib/results/explain.ts';
import { loadResult } from '../results/fixtures.ts';

const result = loadResult('return-pointer.m2.json');
const find = (kind: string, subject: string) =>
  result.decisions.find((d) => d.kind === kind && d.subject === subject)!;
const HAN = /[\u4e00-\u9fff]/;

describe('explainDecision in Chinese', () => {
  it('says a returned address lives on the heap, linking the Chinese glossary entry', () => {
    const e = explainDecision(find('moved-to-heap', 'p'), '/zh/glossary', 'zh');
    expect(e.title).toBe('移到堆上');
    expect(e.plain).toBe('`p` 住在堆上：它的地址活得比函数更久（这里它被返回了）。');
    expect(e.glossaryHref).toBe('/zh/glossary#moved-to-heap');
  });

  it('names the call that keeps an escaping value, in the compiler’s spelling', () => {
    const e = explainDecision(find('escapes-to-heap', 'p.X'), '/zh/glossary', 'zh');
    expect(e.plain).toContain('fmt.Fprintln(os.Stdout, fmt.a...)');
    expect(e.plain).toContain('后者会保留它');
  });

  it('has a Chinese title and text for every decision of the capture, never the English one', () => {
    expect(result.decisions.length).toBeGreaterThan(3);
    for (const d of result.decisions) {
      const zh = explainDecision(d, '/zh/glossary', 'zh');
      const en = explainDecision(d);
      expect(zh.title, d.kind).toMatch(HAN);
      expect(zh.plain, d.kind).not.toBe(en.plain);
      if (d.kind !== 'other') expect(zh.plain, d.kind).toMatch(HAN);
    }
  });
});
