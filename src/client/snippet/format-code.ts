/**
 * The Format button's one round trip, shared by chapter snippets and the playground: gofmt in
 * the sandbox, and whatever goes wrong as one sentence in the page's language (the code on
 * screen is never touched unless gofmt succeeded).
 */
import type { CompileError } from '@go-memory-lab/sandbox-api/protocol';
import { format } from '../../lib/api/client.ts';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { failureMessage } from './failure-message.ts';

export type Formatted =
  { ok: true; text: string } | { ok: false; message: string; errors: CompileError[] };

export async function formatCode(
  source: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<Formatted> {
  const out = await format(source, { base: API_BASE, ...(signal ? { signal } : {}) });
  if (!out.ok) {
    return {
      ok: false,
      message: t(locale, 'format.failed', { why: failureMessage(out.error, false, locale) }),
      errors: [],
    };
  }
  if (out.result.ok) return { ok: true, text: out.result.source };
  const errors = out.result.errors;
  const list = errors
    .slice(0, 3)
    .map((e) => t(locale, 'format.at', { line: e.line, message: e.message }))
    .join('; ');
  return { ok: false, message: t(locale, 'format.syntax', { errors: list }), errors };
}
