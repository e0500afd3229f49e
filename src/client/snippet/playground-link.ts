import type { SourceFile } from '../../../sandbox-api/src/protocol.ts';
import { encodeState } from '../../lib/share/state-codec.ts';
import type { ToolbarState } from './request.ts';

/** `/play/#…` holding the snippet as it is now: code, flags and knobs. */
export function playgroundHref(files: readonly SourceFile[], t: ToolbarState): string {
  return `/play/#${encodeState({
    v: 1,
    a: {
      files: [...files],
      mode: t.mode,
      escapeDetail: t.escapeDetail,
      inline: t.inline,
      env: t.env,
    },
  })}`;
}
