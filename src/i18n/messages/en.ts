/**
 * English UI strings: the reference catalogue. Every key here must exist in `zh.ts` (its type is
 * `Messages`, so a missing key is a type error). Placeholders are `{name}` and filled by `t()`.
 * Keys are grouped by the part of the site that shows them: `nav.*`, `snippet.*`, `play.*`,
 * `workshop.*`, `class.*`, `error.*` (API error codes), `killed.*` (killed-reason codes).
 */
export const en = {
  'site.name': 'Go Memory Lab',
  'lang.switch': '中文',
  'lang.switchLabel': 'Read this page in Chinese',
  'nav.learn': 'Learn',
  'nav.play': 'Playground',
  'nav.workshop': 'Workshop',
  'nav.glossary': 'Glossary',
  // workshop goals (goals stream): a verdict with no evidence behind it, and how one was judged
  'workshop.goal.cannotJudge': 'Cannot judge',
  'workshop.goal.cannotJudgeWhy': 'Cannot judge: {reason}. This is not a pass; check again.',
  'workshop.goal.judgedBy': 'How this was judged: {how}.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
