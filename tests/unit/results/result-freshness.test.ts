import { describe, expect, it } from 'vitest';
import {
  rerunsOnKnobChange,
  staleReasons,
  type OptionsOnScreen,
} from '../../../src/lib/results/result-freshness.ts';
import { staleNotice } from '../../../src/lib/results/stale-notice.ts';
import { loadResult } from './fixtures.ts';

/** A -m=2 build result captured from the real toolchain. */
const result = loadResult('return-pointer.m2.json');
const produced = result.request;
const same: OptionsOnScreen = {
  mode: produced.mode,
  escapeDetail: produced.escapeDetail,
  inline: produced.inline,
  env: produced.env,
};

describe('staleReasons', () => {
  it('is empty for the code and options that produced the result', () => {
    expect(staleReasons(produced, produced.files, same)).toEqual([]);
  });

  it('names an edit, however small', () => {
    const edited = produced.files.map((f) => ({ ...f, content: `${f.content} ` }));
    expect(staleReasons(produced, edited, same)).toEqual(['code']);
  });

  it('names every option that differs', () => {
    expect(
      staleReasons(produced, produced.files, {
        mode: 'run',
        escapeDetail: produced.escapeDetail === 2 ? 1 : 2,
        inline: !produced.inline,
        env: { GOGC: '50' },
        toolchain: 'go0.0.1',
      }),
    ).toEqual(['mode', 'escapeDetail', 'inline', 'env', 'toolchain']);
  });

  it('treats an empty knob field as the runtime default, not a change', () => {
    expect(staleReasons(produced, produced.files, { ...same, env: { GOGC: ' ' } })).toEqual([]);
  });

  it('counts a file added or removed as an edit', () => {
    const more = [...produced.files, { name: 'extra.go', content: 'package main\n' }];
    expect(staleReasons(produced, more, same)).toEqual(['code']);
    expect(staleReasons(produced, [], same)).toEqual(['code']);
  });
});

describe('rerunsOnKnobChange', () => {
  it('re-runs a build for option changes only, never for an edit or a run', () => {
    expect(rerunsOnKnobChange(['escapeDetail'], 'build')).toBe(true);
    expect(rerunsOnKnobChange(['inline', 'env'], 'build')).toBe(true);
    expect(rerunsOnKnobChange(['escapeDetail', 'code'], 'build')).toBe(false);
    expect(rerunsOnKnobChange(['env'], 'run')).toBe(false);
    expect(rerunsOnKnobChange([], 'build')).toBe(false);
  });
});

describe('staleNotice', () => {
  it('says nothing for a current result and names the reasons otherwise, in both languages', () => {
    expect(staleNotice('en', [])).toBe('');
    expect(staleNotice('en', ['code', 'env'])).toBe(
      'Out of date: the code was edited, the runtime knobs changed since this result. Press Run to update it.',
    );
    expect(staleNotice('zh', ['code'])).toContain('代码已修改');
  });
});
