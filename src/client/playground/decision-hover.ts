/** Hovering a marked expression shows the `-m=2` chain behind it, under the marker's own text. */
import type { AnalyzeResponse } from '@go-memory-lab/sandbox-api/protocol';
import { decisionsToMarks } from '../../lib/results/marks.ts';
import { explanationMarkdown } from './markers.ts';
import type { Monaco } from './monaco.ts';

/**
 * @param resultFor the run result behind a model, from its URI path (`/a/main.go`), with the
 *   file name the compiler used for it.
 */
export function registerDecisionHover(
  monaco: Monaco,
  resultFor: (uriPath: string) => { result: AnalyzeResponse; file: string } | undefined,
): void {
  monaco.languages.registerHoverProvider('go', {
    provideHover(model, position) {
      const found = resultFor(model.uri.path);
      if (!found) return undefined;
      const col = position.column - 1;
      const hits = decisionsToMarks(found.result.decisions, {
        file: found.file,
        text: model.getValue(),
      }).filter((k) => k.line === position.lineNumber && k.fromCol <= col && col <= k.toCol);
      const contents = hits.flatMap((k) => {
        const text = explanationMarkdown(k.decision);
        return text ? [{ value: text }] : [];
      });
      return contents.length ? { contents } : undefined;
    },
  });
}
