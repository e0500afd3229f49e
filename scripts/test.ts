/**
 * `npm test`: everything CI checks, in the order that fails fastest.
 * Type-check, lint, formatting, build the site, check the page budgets, then the four vitest
 * tiers one after another (the real-toolchain tiers share two cores badly side by side).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name: string) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const summaryFile = join(mkdtempSync(join(tmpdir(), 'gml-test-')), 'summary.jsonl');

const steps: Array<[string, string, string[]]> = [
  // A clean checkout has no .astro/ yet: sync generates the astro:content and env types.
  ['sync types', bin('astro'), ['sync']],
  ['type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  // tsc does not read .astro files; astro check type-checks their frontmatter and scripts.
  ['type-check .astro', bin('astro'), ['check', '--minimumSeverity', 'warning']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['build', bin('astro'), ['build']],
  ['page budgets', process.execPath, ['scripts/size.ts']],
  ...(['unit', 'integration', 'content', 'e2e'] as const).map(
    (project): [string, string, string[]] => [
      `tests: ${project}`,
      bin('vitest'),
      ['run', '--project', project],
    ],
  ),
];

let failedStep: string | undefined;
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, GML_SUMMARY_FILE: summaryFile },
  });
  if (r.status !== 0) {
    failedStep ??= name;
    // Keep going through the test tiers so one run reports every failure; stop on broken builds.
    if (!name.startsWith('tests:')) break;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(summaryFile)) {
  for (const line of readFileSync(summaryFile, 'utf8').split('\n').filter(Boolean)) {
    const c = JSON.parse(line) as typeof totals;
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  }
}
if (failedStep) process.stdout.write(`\nnpm test: failed at "${failedStep}"\n`);
process.stdout.write(
  `\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failedStep ? 1 : 0);
