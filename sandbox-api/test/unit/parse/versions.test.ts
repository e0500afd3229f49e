/** The same program under go1.26.11 (reference capture) and go1.27.3 parses to the same decisions. */
import { expect, test } from 'vitest';
import { mergeJsonLog, parseCompilerOutput } from '../../../src/parse/index.ts';
import type { Decision } from '../../../src/protocol.ts';
import { jsonLogOf, readFixture, sourcesOf } from './fixtures.ts';

const GOROOT = /^.*?\/src\/(?=[a-z]+\/)/;

function userDecisions(text: string, log: Array<{ name: string; content: string }>): Decision[] {
  const parsed = parseCompilerOutput(text, sourcesOf('article-go1.27'), { failed: false });
  return mergeJsonLog(parsed.decisions, log, [])
    .filter((d) => d.file === 'main.go')
    .map((d) => {
      const copy = { ...d };
      if (copy.inlinedFrom) {
        copy.inlinedFrom = copy.inlinedFrom.map((p) => ({
          ...p,
          file: p.file.replace(GOROOT, ''),
        }));
      }
      return copy;
    });
}

test('go1.27.3 and go1.26.11 agree on every decision of the article example', () => {
  expect(readFixture('article-go1.27', 'toolchain.txt')).toMatch(/^go version go1\.27\.3 /);
  expect(readFixture('reference', 'esc_main.go')).toBe(readFixture('article-go1.27', 'main.go'));
  const v127 = userDecisions(readFixture('article-go1.27', 'm2.txt'), jsonLogOf('article-go1.27'));
  const v126 = userDecisions(readFixture('reference', 'esc_m2_go1.26.11.txt'), [
    { name: 'main/main.json', content: readFixture('reference', 'esc_json0_main.json') },
  ]);
  expect(v127.length).toBeGreaterThan(50);
  expect(v127).toEqual(v126);
});
