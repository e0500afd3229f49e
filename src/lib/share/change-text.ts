/**
 * Compare mode's sentences as data (src/i18n/coded-text.ts): a `compare.change.*` catalogue code
 * and its parameters, so the playground says them in the page's language. Subjects, function
 * names and line numbers are parameters and stay as the compiler printed them.
 */
import { coded, renderCoded, type Coded, type CodedParam } from '../../i18n/coded-text.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/t.ts';

type Short<K> = K extends `compare.change.${infer S}` ? S : never;
export type ChangeCode = Short<Extract<MessageKey, `compare.change.${string}`>>;
export type ChangeText = Coded<ChangeCode>;
type AfterState<C> = C extends `state.${infer S}` ? S : never;
/** Where a value stands in one run: the `compare.change.state.*` words. */
export type ChangeState = AfterState<ChangeCode>;

export const changeText: (
  code: ChangeCode,
  params?: Record<string, CodedParam<ChangeCode>>,
) => ChangeText = coded;

export const stateText = (s: ChangeState): ChangeText => changeText(`state.${s}`);

export function renderChange(locale: Locale, sentence: ChangeText): string {
  return renderCoded(locale, { key: (code) => `compare.change.${code}` }, sentence);
}
