import type {
  AnalyzeRequest,
  Mode,
  RunEnv,
  SourceFile,
} from '../../../sandbox-api/src/protocol.ts';
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
    env: env as RunEnv,
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
