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
  const env: RunEnv = {};
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
