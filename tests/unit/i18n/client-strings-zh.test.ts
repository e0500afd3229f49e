/**
 * Words the browser writes after first paint, on a Chinese page: the stack-or-heap diagram, the
 * playground's option diff and hover, a damaged link, set-aside exercise code and a check's
 * progress label all come from the zh catalogue; compiler names and reasons stay as printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DecisionSchema,
  type AnalyzeResponse,
  type Decision,
} from '@go-memory-lab/sandbox-api/protocol';
import { renderStaticCode } from '../../../src/components/snippet/render-code.ts';
import { badKnobs } from '../../../src/client/snippet/request.ts';
import { optionChanges } from '../../../src/client/playground/compare-view.ts';
import { explanationMarkdown, toMarkers } from '../../../src/client/playground/markers.ts';
import { runNeeds } from '../../../src/lib/exercises/check.ts';
import { setAsideMessage } from '../../../src/lib/exercises/saved-code.ts';
import { buildStackOrHeapDiagram } from '../../../src/lib/results/diagram.ts';
import { renderChange } from '../../../src/lib/share/change-text.ts';
import { defaultState } from '../../../src/lib/share/default-state.ts';
import { diffDecisions } from '../../../src/lib/share/diff-decisions.ts';
import { stopLabel, UNSET } from '../../../src/lib/share/knob-steps.ts';
import { decodeState } from '../../../src/lib/share/state-codec.ts';
import { loadResult } from '../results/fixtures.ts';

const HAN = /[\u4e00-\u9fff]/;
const all = loadResult('return-pointer.m2.json').decisions;
const moved = all.find((d) => d.kind === 'moved-to-heap' && d.subject === 'p')!;

describe('stack-or-heap diagram', () => {
  test('node texts are Chinese on a zh page; the flow hop and its reason stay as compiled', () => {
    const d = buildStackOrHeapDiagram(moved, all, { locale: 'zh' });
    const text = d.nodes.flatMap((n) => n.lines);
    expect(text).toContain('~r0 ← &p');
    expect(text.join('\n')).toContain('(address-of) · 第 9 行');
    expect(d.nodes.at(-1)!.lines).toEqual(['堆']);
    expect(d.nodes[0]!.lines[1]).toMatch(/^第 8 行，位于 /);
    expect(text.join('\n')).not.toMatch(/\bline \d/);
  });

  test('without flow data the note asks for -m=2 in Chinese', () => {
    const bare = { ...moved, explanation: undefined } as Decision;
    const d = buildStackOrHeapDiagram(bare, [bare], { locale: 'zh' });
    expect(d.note).toBe('用 -m=2 运行即可看到原因。');
  });
});

describe('static code', () => {
  test('gutter marks are named in Chinese for screen readers and on hover', () => {
    const html = renderStaticCode([[{ content: 'p := &x' }]], [], [], new Map([[1, 'heap']]), 'zh');
    expect(html).toContain('title="堆决策"');
    expect(html).toContain('<span class="visually-hidden">堆</span>');
  });
});

describe('knob fields', () => {
  test('a refused value is explained in Chinese, quoting the contract; English shows it as is', () => {
    const [gogc, godebug] = badKnobs({ GOGC: '0', GODEBUG: 'gctrace=9' }, 'zh');
    expect(gogc).toEqual({
      name: 'GOGC',
      message:
        'GOGC 只能是 off 或 1 到 10000 之间的整数（GOGC must be off or a number from 1 to 10000）',
    });
    expect(godebug?.message).toMatch(
      /^这里的 GODEBUG 只允许少数几个设置（GODEBUG may only set gcpacertrace/,
    );
    expect(badKnobs({ GOGC: '0' }, 'en')[0]?.message).toBe(
      'GOGC must be off or a number from 1 to 10000',
    );
  });
});

describe('playground', () => {
  test('the option diff names options in Chinese and keeps GODEBUG-style names', () => {
    const state = defaultState();
    const b = { ...state.a, inline: !state.a.inline, env: { GOGC: '400' } };
    const lines = optionChanges({ ...state, b }, 'zh');
    expect(lines).toContain(
      `内联: ${state.a.inline ? '开' : '关'} → ${state.a.inline ? '关' : '开'}`,
    );
    expect(lines).toContain('GOGC: 默认 → 400');
  });

  test('compare mode says what changed in Chinese; names and lines stay as compiled', () => {
    // A real service pair (go1.26.8): newPoint edited to return a copy, still inlined in B.
    const dir = join(import.meta.dirname, '../share/fixtures/compare-pairs/newpoint-by-value');
    const side = (s: 'a' | 'b') => ({
      decisions: DecisionSchema.array().parse(
        (JSON.parse(readFileSync(join(dir, `${s}.json`), 'utf8')) as { decisions: unknown })
          .decisions,
      ),
      files: [{ name: 'main.go', content: readFileSync(join(dir, `${s}.go.txt`), 'utf8') }],
    });
    const [a, b] = [side('a'), side('b')];
    const lines = diffDecisions(a.decisions, b.decisions, { a: a.files, b: b.files }).map((c) =>
      renderChange('zh', c.sentence),
    );
    expect(lines).toContain('main 中的 p：堆 → 栈（第 20 行，从 newPoint 内联而来）');
    expect(lines).toContain('main 中的 ~r0：新的堆分配（第 20 行，从 newPoint 内联而来）');
    for (const line of lines) {
      expect(line).toMatch(HAN);
      expect(line).not.toMatch(/\b(line|heap|stack|inlined|allocation|in main)\b/);
    }
  });

  test('the GOMEMLIMIT slider says "no limit" in Chinese and sizes as Go spells them', () => {
    expect(stopLabel(UNSET, 'zh')).toBe('默认（不限制）');
    expect(stopLabel('64MiB', 'zh')).toBe('64MiB');
  });

  test("a decision's marker reads in Chinese; the compiler's message is quoted as printed", () => {
    const text = Array.from({ length: 12 }, () => 'x := 1').join('\n');
    const [m] = toMarkers([moved], [], { file: moved.file, text }, 'zh');
    expect(m!.source).toBe('堆');
    expect(m!.message).toMatch(HAN);
    expect(m!.message).toContain(`编译器输出：${moved.message}`);
    expect(m!.message).not.toMatch(/^compiler:/m);
  });

  test('the hover explains a chain in Chinese', () => {
    const text = explanationMarkdown(moved, 'zh')!;
    expect(text).toMatch(/^\*\*为什么 `p` 落在这里\*\*/);
    expect(text).toContain('第 9 行');
  });

  test('a damaged link says so in Chinese', () => {
    const decoded = decodeState('#1.@@@', 'zh');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(HAN);
  });
});

describe('workshop', () => {
  test('set-aside code is explained in Chinese', () => {
    expect(setAsideMessage('start-changed', 'zh')).toContain('恢复我的代码');
    expect(setAsideMessage('unstamped', 'zh')).toMatch(HAN);
  });

  test("a check's progress labels are Chinese", async () => {
    const labels: string[] = [];
    const variant = { mode: 'bench', escapeDetail: 1, inline: true, env: {} } as const;
    const fake = {} as AnalyzeResponse;
    await runNeeds(
      [
        { who: 'current', variant, runs: 2 },
        { who: 'start', variant, runs: 1 },
      ],
      { current: [], start: [] },
      () => Promise.resolve(fake),
      { locale: 'zh', onProgress: (_done, _total, label) => labels.push(label) },
    );
    expect(labels).toEqual([
      '你的代码，第 1 次运行，共 2 次',
      '你的代码，第 2 次运行，共 2 次',
      '初始版本',
    ]);
  });
});
