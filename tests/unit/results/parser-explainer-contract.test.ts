/**
 * The contract between the service's parser and the site's explainer: every decision parsed from
 * real captured toolchain output gets an explanation built from the fields the parser actually
 * fills. (A mismatch once hid every "by value"/"by reference": the explainer read
 * `details.mode` while the parser stores `details.by`.)
 */
import { describe, expect, it } from 'vitest';
import { parseCompilerOutput } from '../../../sandbox-api/src/parse/index.ts';
import type { Decision } from '@go-memory-lab/sandbox-api/protocol';
import {
  captureCases,
  exitCodes,
  readFixture,
  sourcesOf,
} from '../../../sandbox-api/test/unit/parse/fixtures.ts';
import { explainDecision } from '../../../src/lib/results/explain.ts';

const decisions: Decision[] = captureCases().flatMap(
  (name) =>
    parseCompilerOutput(readFixture(name, 'm2.txt'), sourcesOf(name), {
      failed: exitCodes(name)['m2'] !== 0,
    }).decisions,
);

describe('parser → explainer', () => {
  it('explains every parsed decision in plain words, with no hole where a field was missing', () => {
    expect(decisions.length).toBeGreaterThan(100);
    for (const d of decisions) {
      const e = explainDecision(d);
      expect(e.title, d.message).not.toBe('');
      expect(e.plain, d.message).not.toMatch(/undefined|null|\[object |NaN/);
    }
  });

  it('says how a closure captures each variable, as the compiler decided', () => {
    const captures = decisions.filter((d) => d.kind === 'closure-capture');
    const byValue = captures.filter((d) => d.message.includes('capturing by value'));
    const byRef = captures.filter((d) => d.message.includes('capturing by ref'));
    expect(byValue.length).toBeGreaterThan(0);
    expect(byRef.length).toBeGreaterThan(0);
    for (const d of byValue) expect(explainDecision(d).plain).toMatch(/own copy/);
    for (const d of byRef) expect(explainDecision(d).plain).toMatch(/refers to .* itself/);
  });
});
