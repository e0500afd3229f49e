/**
 * The class as CSV, one row per learner × exercise of the class, for a spreadsheet after the
 * workshop. Names are whatever learners typed, so every field is quoted and a leading
 * `= + - @` (a formula to Excel and LibreOffice) is defused with an apostrophe.
 */
import type { ClassSnapshot, StoredClass } from './class-store.ts';

const HEADER = [
  'learner',
  'joined_at',
  'exercise',
  'status',
  'attempts',
  'goals_met',
  'goals_total',
  'seconds_on_exercise',
  'solved_after_seconds',
  'failing_goal',
  'failing_reason',
  'last_check_at',
];

export function csvField(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function classCsv(cls: StoredClass, snap: ClassSnapshot): string {
  const rows = [HEADER.join(',')];
  for (const l of snap.learners) {
    const cells = new Map((snap.cells.get(l.id) ?? []).map((c) => [c.exercise, c]));
    for (const ex of cls.exercises) {
      const c = cells.get(ex);
      const status = !c ? 'not_started' : c.solvedAt !== undefined ? 'solved' : 'trying';
      rows.push(
        [
          l.name,
          l.joinedAt,
          ex,
          status,
          c?.attempts ?? 0,
          c ? c.goals.filter(Boolean).length : '',
          c ? c.goals.length : '',
          c?.seconds,
          c?.solvedSeconds,
          c?.failing ? c.failing.goal + 1 : undefined,
          c?.failing?.reason,
          c?.lastAt,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  // The BOM makes Excel read UTF-8 names (Chinese included) as UTF-8.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
