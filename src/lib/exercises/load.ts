/**
 * Reads `content/exercises/<NN-slug>/` from disk (build time and tests; Node only). Bad data
 * throws with the folder and the schema's complaint, so a broken exercise fails the build.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { ExerciseMetaSchema } from './exercise-schema.ts';
import { EXERCISE_DIR_PATTERN, type Exercise } from './exercise.ts';

/** Where exercises live, relative to the project root. */
export const EXERCISES_DIR = 'content/exercises';

function readGoFiles(dir: string): SourceFile[] {
  if (!existsSync(dir)) throw new Error(`${dir} is missing`);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.go'))
    .sort((a, b) => (a === 'main.go' ? -1 : b === 'main.go' ? 1 : a.localeCompare(b)));
  if (names.length === 0) throw new Error(`${dir} has no .go files`);
  return names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
}

/** Shared hidden files (the runtime/metrics harness), beside the exercise folders. */
export const HARNESS_DIR = '_harness';

/** Loads one exercise folder, validating `exercise.json` against the schema. */
export function loadExercise(root: string, folder: string): Exercise {
  const m = EXERCISE_DIR_PATTERN.exec(folder);
  if (!m) throw new Error(`${root}/${folder}: folder name must look like 03-some-slug`);
  const dir = join(root, folder);
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'exercise.json'), 'utf8'));
  const parsed = ExerciseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${dir}/exercise.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const instructions = readFileSync(join(dir, 'instructions.md'), 'utf8');
  return {
    ...parsed.data,
    slug: m[2]!,
    order: Number(m[1]),
    instructions,
    start: readGoFiles(join(dir, 'start')),
    solution: readGoFiles(join(dir, 'solution')),
    checks: [
      ...(existsSync(join(dir, 'checks')) ? readGoFiles(join(dir, 'checks')) : []),
      ...(parsed.data.goals.some((g) => g.type === 'check-metric')
        ? readGoFiles(join(root, HARNESS_DIR))
        : []),
    ],
  };
}

/** Every exercise under `root`, in folder order; throws on a duplicate slug. */
export function loadExercises(root: string = EXERCISES_DIR): Exercise[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== HARNESS_DIR)
    .map((d) => d.name)
    .sort();
  const list = folders.map((f) => loadExercise(root, f));
  const seen = new Set<string>();
  for (const ex of list) {
    if (seen.has(ex.slug)) throw new Error(`${root}: two exercises use the slug "${ex.slug}"`);
    seen.add(ex.slug);
  }
  return list;
}
