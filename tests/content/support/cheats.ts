/**
 * Cheat fixtures: `content/exercises/<NN-slug>/cheats/<kind>/*.go`, each a way a learner might
 * get the green tick without the lesson (one per loophole kind that applies). Every one must
 * fail the checker; tests/content/exercises.test.ts runs them on the real toolchain.
 *
 * Dead ends: `content/exercises/<NN-slug>/dead-ends/<name>/*.go`, the paths an exercise's hints
 * say will not work (a comment in each names the goal it misses). Every one must fail the
 * checker too, so a hint never rules out a path the checker would accept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { EXERCISES_DIR } from '../../../src/lib/exercises/load.ts';

export interface Cheat {
  kind: string;
  files: SourceFile[];
}

/** The cheats of the exercise whose folder is `<NN>-<slug>`, in kind order. */
export function loadCheats(slug: string, root: string = EXERCISES_DIR): Cheat[] {
  return loadSet(slug, 'cheats', root);
}

/** The dead ends its hints name for the exercise `<NN>-<slug>` (kind = folder name), in order. */
export function loadDeadEnds(slug: string, root: string = EXERCISES_DIR): Cheat[] {
  return loadSet(slug, 'dead-ends', root);
}

function loadSet(slug: string, set: 'cheats' | 'dead-ends', root: string): Cheat[] {
  const folder = readdirSync(root).find((f) => f.replace(/^\d+-/, '') === slug);
  const dir = folder ? join(root, folder, set) : '';
  if (!folder || !existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((kind) => ({
      kind,
      files: readdirSync(join(dir, kind))
        .filter((n) => n.endsWith('.go'))
        .sort((a, b) => (a === 'main.go' ? -1 : b === 'main.go' ? 1 : a.localeCompare(b)))
        .map((name) => ({ name, content: readFileSync(join(dir, kind, name), 'utf8') })),
    }));
}
