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
    // Astro declares these as methods of the context, so they are called on it, not detached.
    load: async (ctx) => {
      ctx.watcher?.add(root);
      ctx.store.clear();
      for (const ex of loadExercises(root)) {
        const data = await ctx.parseData({ id: ex.slug, data: { ...ex } });
        ctx.store.set({
          id: ex.slug,
          data,
          body: ex.instructions,
          rendered: await ctx.renderMarkdown(ex.instructions),
          digest: ctx.generateDigest(JSON.stringify(ex)),
        });
      }
    },
  };
}
