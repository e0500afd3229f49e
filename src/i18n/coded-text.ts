/**
 * Text as data: a catalogue code and its parameters, rendered in the page's language where it
 * is shown. Parameters may be coded texts themselves ("{what} does not compile", with `what` =
 * "your code") or lists of them. Compiler and runtime words (messages, identifiers, figures)
 * travel as plain strings and stay as they are. Each family of codes (a goal's reasons, compare
 * mode's sentences) names its catalogue prefix once, in its own module.
 */
import type { Locale } from './locales.ts';
import { t, type MessageKey } from './t.ts';

export type CodedParam<C extends string> = string | number | Coded<C> | readonly Coded<C>[];
export interface Coded<C extends string> {
  code: C;
  params?: Readonly<Record<string, CodedParam<C>>>;
}

/** How one family maps its codes to catalogue keys, and how it joins a list parameter. */
export interface CodeFamily<C extends string> {
  key: (code: C) => MessageKey;
  /** Joins a list parameter; a family that never passes lists needs none. */
  separator?: MessageKey;
}

export function coded<C extends string>(code: C, params?: Record<string, CodedParam<C>>): Coded<C> {
  return params ? { code, params } : { code };
}

export function renderCoded<C extends string>(
  locale: Locale,
  family: CodeFamily<C>,
  r: Coded<C>,
): string {
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(r.params ?? {})) {
    if (typeof v !== 'object') params[name] = v;
    else if (Array.isArray(v))
      params[name] = (v as readonly Coded<C>[])
        .map((x) => renderCoded(locale, family, x))
        .join(family.separator ? t(locale, family.separator) : ', ');
    else params[name] = renderCoded(locale, family, v as Coded<C>);
  }
  return t(locale, family.key(r.code), params);
}
