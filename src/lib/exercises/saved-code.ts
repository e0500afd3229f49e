/**
 * Which of a learner's saved files may open in an exercise's editor. Saved code is loaded only
 * when it was edited from the exercise's current start code; anything else (code from an older
 * start, or from before saves were stamped) is set aside for "Restore my code", never lost and
 * never silently mixed with new goals.
 */
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import type { ExerciseProgress } from './progress-schema.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export type SetAsideReason = 'start-changed' | 'unstamped';

export type SavedCode =
  | { kind: 'none' }
  | { kind: 'load'; files: SourceFile[] }
  | { kind: 'set-aside'; files: SourceFile[]; reason: SetAsideReason };

const sameFiles = (a: readonly SourceFile[], b: readonly SourceFile[]) =>
  a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.content === b[i]?.content);

/**
 * @param record the exercise's stored progress, if any
 * @param start the exercise's current start files
 * @param startHash `hashFiles(start)`
 */
export function savedCode(
  record: ExerciseProgress | undefined,
  start: readonly SourceFile[],
  startHash: string,
): SavedCode {
  const files = record?.files;
  // Unedited start code is nothing to keep, whatever it was stamped with.
  if (!files || files.length === 0 || sameFiles(files, start)) return { kind: 'none' };
  if (record.startHash === startHash) return { kind: 'load', files };
  return {
    kind: 'set-aside',
    files,
    reason: record.startHash === undefined ? 'unstamped' : 'start-changed',
  };
}

/** The status line that explains set-aside code to the learner. */
export function setAsideMessage(reason: SetAsideReason, locale: Locale = 'en'): string {
  return t(
    locale,
    reason === 'start-changed' ? 'workshop.setAside.startChanged' : 'workshop.setAside.unstamped',
  );
}
