/** Words for the numbers in exercise.json, shared by the index and the exercise pages. */
export const DIFFICULTY_LABEL: Record<number, string> = { 1: 'warm-up', 2: 'core', 3: 'stretch' };

export const STATUS_LABEL = {
  new: 'Not started',
  started: 'In progress',
  solved: 'Solved',
} as const;
export type StatusKey = keyof typeof STATUS_LABEL;
