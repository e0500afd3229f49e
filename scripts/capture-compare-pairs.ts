/**
 * Captures compare mode's test pairs from a running service (the real toolchain, as a reader's
 * compare run gets them): for every `tests/unit/share/fixtures/compare-pairs/<pair>/` holding
 * `a.go.txt` and `b.go.txt` (and an optional `options.json` with per-side `inline` /
 * `escapeDetail`), this posts both variants to /api/v1/analyze and writes `a.json` / `b.json`
 * with the toolchain, flags and decisions the service answered.
 *
 * Usage: GML_API=http://localhost:4321 node scripts/capture-compare-pairs.ts [pair…]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AnalyzeResponseSchema, type AnalyzeRequest } from '@go-memory-lab/sandbox-api/protocol';

const root = join(import.meta.dirname, '../tests/unit/share/fixtures/compare-pairs');
const api = process.env['GML_API'] ?? 'http://localhost:4321';
const SideOptions = z
  .object({
    inline: z.boolean().optional(),
    escapeDetail: z.union([z.literal(1), z.literal(2)]).optional(),
  })
  .strict();
const Options = z.object({ a: SideOptions.optional(), b: SideOptions.optional() }).strict();

async function analyze(body: AnalyzeRequest) {
  const res = await fetch(`${api}/api/v1/analyze`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return AnalyzeResponseSchema.parse(await res.json());
}

const wanted = process.argv.slice(2);
for (const pair of readdirSync(root)) {
  if (wanted.length && !wanted.includes(pair)) continue;
  const dir = join(root, pair);
  const optionsFile = join(dir, 'options.json');
  const options = existsSync(optionsFile)
    ? Options.parse(JSON.parse(readFileSync(optionsFile, 'utf8')))
    : {};
  for (const side of ['a', 'b'] as const) {
    const content = readFileSync(join(dir, `${side}.go.txt`), 'utf8');
    const r = await analyze({
      files: [{ name: 'main.go', content }],
      mode: 'build',
      escapeDetail: options[side]?.escapeDetail ?? 2,
      inline: options[side]?.inline ?? true,
    });
    if (!r.ok) throw new Error(`${pair}/${side} did not compile: ${r.compilerOutput.text}`);
    const record = { toolchain: r.toolchain.version, gcflags: r.gcflags, decisions: r.decisions };
    writeFileSync(join(dir, `${side}.json`), JSON.stringify(record, null, 2) + '\n');
    console.log(`${pair}/${side}: ${r.decisions.length} decisions (${r.gcflags})`);
  }
}
