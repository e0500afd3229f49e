/**
 * Every package the site, its config and the service import is declared in package.json, so a
 * clean install never depends on what another package happens to pull in (astro.config.mjs used
 * `@astrojs/markdown-satteri` and the heading plugin `satteri`'s types without declaring them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * `x` in `import … from 'x'` (also across lines), `import 'x'` and `import('x')`; bare package
 * specifiers only. Single quotes, as prettier writes them, so Go source in strings (`import "fmt"`)
 * is not mistaken for an import.
 */
function packagesIn(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s+'([^']+)'/gm,
    /^\s*import\s+'([^']+)'/gm,
    /\bimport\(\s*'([^']+)'\s*\)/g,
  ];
  const specs = patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !/^(node|astro|virtual):/.test(s))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

test('every imported package is a declared dependency', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
  ]);
  const sources = [join(ROOT, 'astro.config.mjs'), ...files('src'), ...files('sandbox-api/src')];
  const missing = new Set<string>();
  for (const file of sources)
    for (const name of packagesIn(readFileSync(file, 'utf8')))
      if (!declared.has(name)) missing.add(`${name} (${file.slice(ROOT.length + 1)})`);
  expect(sources.length).toBeGreaterThan(100);
  expect([...missing]).toEqual([]);
});
