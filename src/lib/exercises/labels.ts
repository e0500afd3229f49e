import type { MessageKey } from '../../i18n/t.ts';

/** The catalogue key of each progress status a workshop index badge shows. */
export const STATUS_LABEL = {
  new: 'workshop.notStarted',
  started: 'workshop.status.started',
  solved: 'workshop.status.solved',
} as const satisfies Record<string, MessageKey>;
export type StatusKey = keyof typeof STATUS_LABEL;
