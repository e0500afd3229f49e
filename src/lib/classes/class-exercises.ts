/**
 * What the class pages need to know about each exercise (title, chapter, estimate, what each
 * goal says), built once at build time from the exercises collection and handed to the client
 * islands as JSON.
 */
export interface ClassExercise {
  slug: string;
  title: string;
  chapter: number;
  minutes: number;
  /** Each goal's `says`, in the exercise's order (progress reports index into this). */
  goals: string[];
}

interface ExerciseEntry {
  id: string;
  data: {
    title: string;
    chapter: number;
    estimatedMinutes: number;
    order: number;
    goals: readonly { says: string }[];
  };
}

export function classExercises(entries: readonly ExerciseEntry[]): ClassExercise[] {
  return [...entries]
    .sort((a, b) => a.data.order - b.data.order)
    .map((e) => ({
      slug: e.id,
      title: e.data.title,
      chapter: e.data.chapter,
      minutes: e.data.estimatedMinutes,
      goals: e.data.goals.map((g) => g.says),
    }));
}

/** JSON for a `<script type="application/json">`, safe against `</script>` in any string. */
export function payloadJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
