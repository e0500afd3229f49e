import type { PlaygroundState, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { encodeState } from '../../lib/share/state-codec.ts';
import type { ToolbarState } from './request.ts';

/** The snippet as it is now (code, flags, knobs) as the playground's state. */
export function snippetState(files: readonly SourceFile[], t: ToolbarState): PlaygroundState {
  return {
    v: 1,
    a: {
      files: [...files],
      mode: t.mode,
      escapeDetail: t.escapeDetail,
      inline: t.inline,
      env: t.env,
    },
  };
}

/** The snippet as it is now in the playground's link encoding. */
export function snippetStateText(files: readonly SourceFile[], t: ToolbarState): string {
  return encodeState(snippetState(files, t));
}

/** `/play/#…` holding the snippet as it is now: code, flags and knobs. */
export function playgroundHref(files: readonly SourceFile[], t: ToolbarState): string {
  return `/play/#${snippetStateText(files, t)}`;
}

/**
 * "Link to this snippet": the chapter at the snippet's anchor; when the reader changed code or
 * options, `?snippet=<id>&s=<state>` carries them (no server needed) and the snippet loads them.
 */
export function snippetHref(
  id: string,
  files: readonly SourceFile[],
  t: ToolbarState,
  unchanged: boolean,
): string {
  if (unchanged) return `#${id}`;
  const q = new URLSearchParams({ snippet: id, s: snippetStateText(files, t) });
  return `?${q.toString()}#${id}`;
}
