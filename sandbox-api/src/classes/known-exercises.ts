/**
 * Exercise slugs the site has, read from `content/exercises/<NN-slug>/` next to the service, so
 * a class cannot be created with a typo that would strand learners on a missing page. A
 * deployment without the content folder accepts any well-formed slug.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Same folder rule as the site's loader (`src/lib/exercises/exercise.ts`). */
const DIR = /^\d{2}-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function readExerciseSlugs(
  root = join(import.meta.dirname, '..', '..', '..', 'content', 'exercises'),
): string[] | undefined {
  if (!existsSync(root)) return undefined;
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => DIR.exec(d.name)?.[1])
    .filter((s): s is string => s !== undefined);
}
