/**
 * The playground's whole state in a URL fragment, so a link works with no server at all.
 *
 * Format: `<version>.<payload>`. Version 1 (current): `1.` + lz-string
 * `compressToEncodedURIComponent` of the canonical JSON (see canonical-state.ts).
 * Older versions keep decoding forever — links live in slides and blog posts — and are migrated
 * to the current shape on the way in:
 *
 * - Version 0 (the first prototype's shape): `0.` + lz-string of
 *   `{ files: { [name]: content }, m?: 1 | 2, l?: boolean, mode?, env? }` where `m` is the `-m`
 *   level and `l: true` meant `-gcflags=-l` (inlining off). One variant only.
 */
import * as lzModule from 'lz-string';
import { z } from 'zod';
import {
  ModeSchema,
  RunEnvSchema,
  type PlaygroundState,
} from '@go-memory-lab/sandbox-api/protocol';
import { canonicalJson, canonicalState } from './canonical-state.ts';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';

// lz-string is a UMD/CommonJS module: Node's ESM loader cannot see its named exports (the
// gallery encodes links at build time), while bundlers can. Take whichever object has them.
const lz = (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

export const STATE_FORMAT_VERSION = 1;

export type DecodeResult =
  { ok: true; state: PlaygroundState; version: number } | { ok: false; message: string };

const V0Schema = z.object({
  files: z.record(z.string(), z.string()),
  m: z.union([z.literal(1), z.literal(2)]).optional(),
  l: z.boolean().optional(),
  mode: ModeSchema.optional(),
  env: RunEnvSchema.optional(),
});

/** Version 0 → current shape. Exported so the migration can be tested on its own. */
export function migrateV0(raw: unknown): PlaygroundState {
  const v0 = V0Schema.parse(raw);
  return canonicalState({
    v: 1,
    a: {
      files: Object.entries(v0.files).map(([name, content]) => ({ name, content })),
      mode: v0.mode ?? 'build',
      escapeDetail: v0.m ?? 2,
      inline: !(v0.l ?? false),
      env: v0.env ?? {},
    },
  });
}

/** Encodes a state for `/play/#<here>`. Throws if the state does not match the schema. */
export function encodeState(state: PlaygroundState): string {
  return `${STATE_FORMAT_VERSION}.${lz.compressToEncodedURIComponent(canonicalJson(state))}`;
}

function issueText(err: unknown): string {
  if (err instanceof z.ZodError) {
    const first = err.issues[0];
    return first ? `${first.path.join('.') || 'state'}: ${first.message}` : 'invalid state';
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Decodes a fragment produced by `encodeState` (or an older version). Accepts the text with or
 * without a leading `#`. Never throws: a damaged link yields a message a person can act on.
 */
export function decodeState(text: string, locale: Locale = 'en'): DecodeResult {
  const tr = translator(locale);
  const s = text.startsWith('#') ? text.slice(1) : text;
  const m = /^(\d+)\.(.*)$/s.exec(s);
  if (!m) return { ok: false, message: tr('link.unknownFormat') };
  const version = Number(m[1]);
  if (version > STATE_FORMAT_VERSION) {
    return { ok: false, message: tr('link.newerFormat', { version }) };
  }
  // lz-string returns null or '' on damaged input, and occasionally garbage text.
  const json = lz.decompressFromEncodedURIComponent(m[2] ?? '');
  if (!json) return { ok: false, message: tr('link.unpackFailed') };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: tr('link.badJson') };
  }
  try {
    const state = version === 0 ? migrateV0(raw) : canonicalState(raw);
    return { ok: true, state, version };
  } catch (err) {
    return { ok: false, message: tr('link.invalidState', { issue: issueText(err) }) };
  }
}
