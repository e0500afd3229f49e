/**
 * Content collections. Everything lives in the top-level `content/` folder so writers never touch
 * `src/`; a frontmatter mistake fails `astro build` with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { SnippetMetaSchema } from './lib/content/snippet-schema.ts';
import { ExerciseSchema } from './lib/exercises/exercise.ts';
import { exercisesLoader } from './lib/exercises/loader.ts';

export const ChapterSchema = z
  .object({
    /** Chapter title as shown in the sidebar, the page heading and the browser tab. */
    title: z.string().min(3),
    /** Position in the course, 1-based; drives sidebar order and previous/next links. */
    order: z.number().int().positive(),
    /** One or two sentences for the home page and the meta description. */
    summary: z.string().min(10),
    /** Sections of the source article this chapter covers, e.g. ["2.1", "2.2"]; may be empty. */
    articleSections: z.array(z.string().regex(/^\d+(\.\d+)*$/, 'like "2.1"')),
    /** Toolchain that produced the chapter's recorded snippet output, e.g. "go1.26.8". */
    toolchain: z.string().regex(/^go\d+\.\d+(\.\d+)?$/, 'like "go1.26.8"'),
  })
  .strict();

export const PageSchema = z
  .object({
    /** Page title, shown in the sidebar's Reference group and as the page heading. */
    title: z.string().min(3),
    /** One sentence for the sidebar tooltip and the meta description. */
    summary: z.string().min(10),
  })
  .strict();

const chapters = defineCollection({
  loader: glob({ pattern: 'chapter-*.mdx', base: './content/chapters' }),
  schema: ChapterSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: PageSchema,
});

/**
 * The Chinese edition: `content/chapters/zh/` and `content/pages/zh/`, same file names (so the same
 * ids and URLs under /zh/), same schemas. Snippets and exercises are shared, not duplicated.
 */
const chaptersZh = defineCollection({
  loader: glob({ pattern: 'chapter-*.mdx', base: './content/chapters/zh' }),
  schema: ChapterSchema,
});

const pagesZh = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages/zh' }),
  schema: PageSchema,
});

/** `content/snippets/<id>/snippet.json`; the entry id is the folder name, which is also the anchor. */
const snippets = defineCollection({
  loader: glob({
    pattern: '*/snippet.json',
    base: './content/snippets',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: SnippetMetaSchema,
});

/** `content/exercises/<NN-slug>/` (exercise.json + instructions.md + start/ + solution/); id = slug. */
const exercises = defineCollection({
  loader: exercisesLoader(),
  schema: ExerciseSchema,
});

/**
 * Chinese exercise text beside the English: `NN-slug/exercise.zh.json` (title, summary, hints and
 * goal texts in the English order) and `NN-slug/instructions.zh.md`. Entry id = slug, like the
 * exercises collection; checks, start code and solutions stay shared.
 */
const exerciseSlug = ({ entry }: { entry: string }) =>
  (entry.split('/')[0] ?? entry).replace(/^\d{2}-/, '');

export const ExerciseTextZhSchema = z
  .object({
    title: z.string().min(2),
    summary: z.string().min(5),
    hints: z.array(z.string().min(1)),
    goals: z.array(z.string().min(1)),
  })
  .strict();

const exerciseTextZh = defineCollection({
  loader: glob({
    pattern: '*/exercise.zh.json',
    base: './content/exercises',
    generateId: exerciseSlug,
  }),
  schema: ExerciseTextZhSchema,
});

const exerciseInstructionsZh = defineCollection({
  loader: glob({
    pattern: '*/instructions.zh.md',
    base: './content/exercises',
    generateId: exerciseSlug,
  }),
});

export const collections = {
  chapters,
  pages,
  chaptersZh,
  pagesZh,
  snippets,
  exercises,
  exerciseTextZh,
  exerciseInstructionsZh,
};
