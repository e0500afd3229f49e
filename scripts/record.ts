/**
 * `npm run record [snippet-id…]`: runs every chapter snippet (or the named ones) through the
 * sandbox service with the snippet's default options and writes `recorded.json` beside it.
 * The site shows that result on first paint; the content tests check it is still what the
 * toolchain says.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';
import { createService } from '../sandbox-api/src/service.ts';
import {
  baseVariant,
  loadSnippet,
  requestFor,
  snippetIds,
} from '../tests/content/support/snippets.ts';

/** A recording is not a cache hit, whatever the service's cache did this time. */
function normalize(r: AnalyzeResponse): AnalyzeResponse {
  return AnalyzeResponseSchema.parse({ ...r, cached: false });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const all = snippetIds();
  const unknown = wanted.filter((id) => !all.includes(id));
  if (unknown.length > 0) throw new Error(`no such snippet: ${unknown.join(', ')}`);
  const ids = wanted.length > 0 ? wanted : all;

  const service = await createService({
    stateDir: devStateDir(),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  let failed = 0;
  try {
    for (const id of ids) {
      const s = loadSnippet(id);
      const t0 = performance.now();
      try {
        const r = normalize(await service.analyze(requestFor(s.files, baseVariant(s.meta))));
        writeFileSync(join(s.dir, 'recorded.json'), `${JSON.stringify(r, null, 2)}\n`);
        const ms = Math.round(performance.now() - t0);
        const what = r.ok ? `${r.decisions.length} decisions` : `compile error`;
        process.stdout.write(`${id}: ${s.meta.mode}, ${what}, ${r.toolchain.version} (${ms} ms)\n`);
      } catch (e) {
        failed++;
        process.stdout.write(`${id}: FAILED ${(e as Error).message}\n`);
      }
    }
  } finally {
    await service.close();
  }
  if (failed > 0) process.exitCode = 1;
}

await main();
