import {
  RunEnvSchema,
  type AnalyzeRequest,
  type Mode,
  type RunEnv,
  type SourceFile,
} from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import type { Knob } from '../../lib/content/snippet-schema.ts';

/** The toolbar's current choices. */
export interface ToolbarState {
  mode: Mode;
  escapeDetail: 1 | 2;
  inline: boolean;
  env: RunEnv;
}

/** Reads the toolbar controls; empty knob fields are left out (the runtime default applies). */
export function readToolbar(root: HTMLElement, knobs: readonly Knob[]): ToolbarState {
  const field = (name: string) =>
    root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  // The API validates every knob (GOEXPERIMENT against its allowlist); a bad value comes back
  // as a 400 the snippet shows, never a silent default.
  const env: Record<string, string> = {};
  for (const k of knobs) {
    const v = field(k)?.value.trim();
    if (v) env[k] = v;
  }
  return {
    mode: (field('mode')?.value ?? 'build') as Mode,
    escapeDetail: field('escapeDetail')?.value === '1' ? 1 : 2,
    inline: (field('inline') as HTMLInputElement | null)?.checked ?? true,
    env,
  };
}

export function buildRequest(files: readonly SourceFile[], t: ToolbarState): AnalyzeRequest {
  return {
    files: [...files],
    mode: t.mode,
    escapeDetail: t.escapeDetail,
    inline: t.inline,
    env: t.env,
  };
}

/** A knob field whose value the wire contract refuses, with the contract's message in words. */
export interface BadKnob {
  name: string;
  message: string;
}

const KNOBS = ['GOGC', 'GOMEMLIMIT', 'GOMAXPROCS', 'GODEBUG', 'GOEXPERIMENT'] as const;
const isKnob = (name: string): name is (typeof KNOBS)[number] =>
  (KNOBS as readonly string[]).includes(name);

/**
 * The contract's message in the page's language, as src/i18n/api-error.ts does for API errors:
 * English shows the contract's own words (`knob.bad.*` is `{detail}`), Chinese says it in its
 * own sentence and quotes them.
 */
function knobMessage(name: string, detail: string, locale: Locale): string {
  return isKnob(name) ? t(locale, `knob.bad.${name}`, { detail }) : detail;
}

/**
 * Checks the knob values with the same schema the service applies, so a bad value is caught in
 * the page with one message per field instead of a refused request (or an exception).
 */
export function badKnobs(env: RunEnv, locale: Locale): BadKnob[] {
  const parsed = RunEnvSchema.safeParse(env);
  if (parsed.success) return [];
  const seen = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'env');
    // A value can break the regex and the range check with the same words: say it once.
    if (!seen.has(name)) seen.set(name, issue.message);
  }
  return [...seen].map(([name, message]) => ({
    name,
    message: knobMessage(name, message, locale),
  }));
}
