/** axe-core accessibility checks, injected from node_modules (no network). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const require = createRequire(import.meta.url);
let source: string | undefined;

export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  /** CSS selectors of the offending nodes (first few). */
  targets: string[];
}

/**
 * Runs axe on the page as it is now (every rule, or only `rules`); returns only serious and
 * critical violations.
 */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  const results = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<AxeResults> };
      }
    ).axe;
    return axe.run(document, only ? { runOnly: { type: 'rule', values: only } } : {});
  }, rules);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? undefined,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact}: ${v.id} — ${v.help} [${v.targets.join(', ')}]`)
    .join('\n');
}
