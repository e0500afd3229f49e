/**
 * Every snippet and exercise tree against the real toolchain: the code compiles (or fails exactly
 * where a compile-error claim says), every claim the prose relies on holds, and each recorded
 * result is still what the toolchain says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AnalyzeResponseSchema,
  type AnalyzeResponse,
  type SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import { evaluateClaim } from '../../src/lib/claims/evaluate.ts';
import {
  applyOverride,
  describeVariant,
  toRequest,
  type Variant,
} from '../../src/lib/exercises/variant.ts';
import { createAnalyzer, type Analyzer } from './support/analyzer.ts';
import { readMdx, referencingFiles } from './support/mdx.ts';
import { recordingDifferences } from './support/recording.ts';
import {
  baseVariant,
  exerciseTrees,
  loadSnippet,
  readGoFiles,
  snippetIds,
} from './support/snippets.ts';

const LONG = 900_000;
const snippets = snippetIds().map((id) => loadSnippet(id));
const refs = referencingFiles(readMdx());
/** "chapter-2" for content/chapters/chapter-2.mdx; several pages are joined. */
const whereShown = (id: string) =>
  (refs.get(id) ?? ['(no page)']).map((p) => p.replace(/^.*\/|\.mdx$/g, '')).join(', ');

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createAnalyzer();
}, 300_000);
afterAll(async () => {
  await analyzer?.close();
});

describe.concurrent('every .go file compiles', () => {
  for (const s of snippets) {
    const expectsError = s.meta.claims.some((c) => c.type === 'compile-error');
    test(
      `snippet ${s.id}${expectsError ? ' (fails where its claim says)' : ''}`,
      { timeout: LONG },
      async () => {
        const r = await analyzer.analyze(s.id, s.files, { ...baseVariant(s.meta), mode: 'build' });
        const first = r.compileErrors[0];
        const said = first
          ? `${first.file}:${first.line}: ${first.message}`
          : r.compilerOutput.text;
        if (!expectsError)
          expect(r.ok, `${whereShown(s.id)} › ${s.id} does not compile: ${said}`).toBe(true);
        else expect(r.ok, `${whereShown(s.id)} › ${s.id} should fail to compile`).toBe(false);
      },
    );
  }
  for (const t of exerciseTrees()) {
    test(`exercise ${t.name}`, { timeout: LONG }, async () => {
      const v = { mode: 'build', escapeDetail: 2, inline: true, env: {} } as const;
      const r = await analyzer.analyze(`exercise:${t.name}`, t.files, v);
      const first = r.compileErrors[0];
      expect(r.ok, `exercise ${t.name} does not compile: ${first?.line}: ${first?.message}`).toBe(
        true,
      );
    });
  }
  // The program behind chapter 4's trace-viewer figures (scripts/capture-trace-views.ts).
  test('content/trace-capture', { timeout: LONG }, async () => {
    const v = { mode: 'build', escapeDetail: 1, inline: true, env: {} } as const;
    const r = await analyzer.analyze('trace-capture', readGoFiles('content/trace-capture'), v);
    const first = r.compileErrors[0];
    expect(r.ok, `trace-capture does not compile: ${first?.line}: ${first?.message}`).toBe(true);
  });
});

/**
 * `n` runs of one variant. Repetitions get a trailing comment (toRequest) so neither the
 * analyzer's memo nor the service's cache hands back the same run twice.
 */
async function repeatedRuns(
  id: string,
  files: SourceFile[],
  v: Variant,
  n: number,
): Promise<AnalyzeResponse[]> {
  const runs: AnalyzeResponse[] = [];
  for (let i = 0; i < n; i++) {
    const tagged = toRequest(files, v, i).files ?? files;
    runs.push(await analyzer.analyze(i === 0 ? id : `${id}#run${i + 1}`, tagged, v));
  }
  return runs;
}

describe.concurrent('every claim holds', () => {
  for (const s of snippets) {
    if (s.meta.claims.length === 0) continue;
    test(`${whereShown(s.id)} › ${s.id}`, { timeout: LONG }, async () => {
      const base = baseVariant(s.meta);
      const failures: string[] = [];
      for (const claim of s.meta.claims) {
        const v = applyOverride(base, claim.with);
        const n = 'runs' in claim ? (claim.runs ?? 1) : 1;
        const runs = await repeatedRuns(s.id, s.files, v, n);
        const result = runs[0]!;
        const thanRuns =
          claim.type === 'gc-compare'
            ? await repeatedRuns(s.id, s.files, applyOverride(v, claim.than), n)
            : undefined;
        const verdict = evaluateClaim(claim, result, { than: thanRuns?.[0], runs, thanRuns });
        if (!verdict.met) {
          failures.push(
            `${whereShown(s.id)} › snippet ${s.id} › claim "${claim.says}" (${describeVariant(v)}) failed: ${verdict.reason}`,
          );
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});

describe.concurrent('recorded results match the toolchain', () => {
  for (const s of snippets) {
    const file = join(s.dir, 'recorded.json');
    test(`${s.id}/recorded.json`, { timeout: LONG }, async (ctx) => {
      expect(existsSync(file), `${s.id} has no recorded.json: run npm run record ${s.id}`).toBe(
        true,
      );
      const recorded = AnalyzeResponseSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const now = await analyzer.analyze(s.id, s.files, baseVariant(s.meta));
      if (now.toolchain.version !== recorded.toolchain.version) {
        ctx.skip(
          `recorded with ${recorded.toolchain.version}, toolchain is ${now.toolchain.version}`,
        );
      }
      const diffs = recordingDifferences(recorded, now);
      expect(diffs, `${s.id}: re-run npm run record ${s.id}\n${diffs.join('\n')}`).toEqual([]);
    });
  }
});
