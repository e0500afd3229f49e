/**
 * A goal's reason as data: a catalogue key (`workshop.goal.reason.*` in src/i18n/messages) and
 * its parameters, rendered in the page's language where it is shown. Parameters may be reasons
 * themselves ("{what} does not compile", with `what` = "your code") or lists of them. Compiler
 * and runtime words (messages, flags, figures) travel as plain strings and stay as they are.
 */
import type { Locale } from '../../i18n/locales.ts';
import { t, type MessageKey } from '../../i18n/t.ts';

export type ReasonKey = Extract<MessageKey, `workshop.goal.reason.${string}`>;
type Short<K> = K extends `workshop.goal.reason.${infer S}` ? S : never;
export type ReasonCode = Short<ReasonKey>;

export type ReasonParam = string | number | Reason | readonly Reason[];
export interface Reason {
  code: ReasonCode;
  params?: Readonly<Record<string, ReasonParam>>;
}

export function reason(code: ReasonCode, params?: Record<string, ReasonParam>): Reason {
  return params ? { code, params } : { code };
}

/** A list of reasons, joined by the language's separator when rendered. */
export const reasonList = (items: readonly Reason[]): Reason => reason('list', { items });

export function renderReason(locale: Locale, r: Reason): string {
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(r.params ?? {})) {
    if (typeof v !== 'object') params[name] = v;
    else if (Array.isArray(v))
      params[name] = (v as readonly Reason[])
        .map((x) => renderReason(locale, x))
        .join(t(locale, 'workshop.goal.reason.separator'));
    else params[name] = renderReason(locale, v as Reason);
  }
  return t(locale, `workshop.goal.reason.${r.code}`, params);
}
