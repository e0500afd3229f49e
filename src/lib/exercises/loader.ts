/**
 * Astro content loader for `content/exercises/`: each folder becomes one entry (id = slug) whose
 * data is validated by the collection schema and whose `instructions.md` is rendered like any
 * Markdown entry, so `render(entry)` works and a broken exercise fails `astro build`.
 */
import type { Loader } from 'astro/loaders';
import { EXERCISES_DIR, loadExercises } from './load.ts';

export function exercisesLoader(root: string = EXERCISES_DIR): Loader {
  return {
    name: 'gml-exercises',
    load: async ({ store, parseData, renderMarkdown, generateDigest, watcher }) => {
      watcher?.add(root);
      store.clear();
      for (const ex of loadExercises(root)) {
        const data = await parseData({ id: ex.slug, data: { ...ex } });
        store.set({
          id: ex.slug,
          data,
          body: ex.instructions,
          rendered: await renderMarkdown(ex.instructions),
          digest: generateDigest(JSON.stringify(ex)),
        });
      }
    },
  };
}
