/**
 * A goal's reason as data: a catalogue key (`workshop.goal.reason.*` in src/i18n/messages) and
 * its parameters, rendered in the page's language where it is shown (src/i18n/coded-text.ts).
 */
import {
  coded,
  renderCoded,
  type Coded,
  type CodedParam,
  type CodeFamily,
} from '../../i18n/coded-text.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/t.ts';

export type ReasonKey = Extract<MessageKey, `workshop.goal.reason.${string}`>;
type Short<K> = K extends `workshop.goal.reason.${infer S}` ? S : never;
export type ReasonCode = Short<ReasonKey>;

export type ReasonParam = CodedParam<ReasonCode>;
export type Reason = Coded<ReasonCode>;

const family: CodeFamily<ReasonCode> = {
  key: (code) => `workshop.goal.reason.${code}`,
  separator: 'workshop.goal.reason.separator',
};

export const reason: (code: ReasonCode, params?: Record<string, ReasonParam>) => Reason = coded;

/** A list of reasons, joined by the language's separator when rendered. */
export const reasonList = (items: readonly Reason[]): Reason => reason('list', { items });

export const renderReason = (locale: Locale, r: Reason): string => renderCoded(locale, family, r);
