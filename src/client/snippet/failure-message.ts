import type { AnalyzeFailure } from '../../lib/api/client.ts';

/** A failed run in plain words; says what is kept so nobody fears for their code. */
export function failureMessage(e: AnalyzeFailure, hasRecorded: boolean): string {
  const kept = hasRecorded ? 'Your code and the recorded result are kept.' : 'Your code is kept.';
  // The service's messages are phrases ("GOMAXPROCS may be at most 2 here"): end the sentence.
  const said = /[.!?)]$/.test(e.message) ? e.message : `${e.message}.`;
  switch (e.kind) {
    case 'unreachable':
      return `The Go sandbox is unreachable, so nothing was run. ${kept} To run snippets yourself, start a local sandbox: npm install && npm start.`;
    case 'invalid-response':
      return `The sandbox answered with something this page does not understand. ${kept}`;
    case 'http':
      if (e.status === 429) return `The sandbox is still busy; try again in a moment. ${kept}`;
      if (e.status !== undefined && e.status >= 500)
        return `The sandbox failed (HTTP ${e.status}): ${said} ${kept}`;
      return `The sandbox refused the request: ${said} ${kept}`;
  }
}
