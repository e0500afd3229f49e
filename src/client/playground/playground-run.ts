import type {
  AnalyzeResponse,
  PlaygroundState,
  Variant,
} from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { analyze } from '../../lib/api/client.ts';
import { API_BASE } from '../../lib/api/api-base.ts';
import { canonicalJson } from '../../lib/share/canonical-state.ts';
import { failureMessage } from '../snippet/failure-message.ts';
import type { CompareView } from './compare-view.ts';
import type { Side } from './editor-models.ts';
import type { ResultsView } from './results-view.ts';
import { benchWithoutTests, requestOf } from './run-request.ts';

/** A variant's identity: a share carries a result only if it was produced from this text. */
export function variantKey(v: Variant): string {
  try {
    return canonicalJson({ v: 1, a: v });
  } catch {
    return '';
  }
}

/** The results on the page, per side, and the variant text each came from. */
export interface PlaygroundResults {
  results: Partial<Record<Side, AnalyzeResponse>>;
  resultFor: Partial<Record<Side, string>>;
}

export interface PlaygroundRunDeps extends PlaygroundResults {
  root: HTMLElement;
  locale: Locale;
  state: PlaygroundState;
  variant: (s: Side) => Variant;
  resultsView: ResultsView;
  compare: CompareView;
  /** A side got a new result (its editor markers are redrawn). */
  onResult: (s: Side) => void;
  /** Redraws the result panel of the side on screen. */
  showResult: () => void;
}

/**
 * The Run action: every variant (A, or A and B side by side) is analysed at once; a new run
 * aborts the one in flight. A side whose request fails keeps its previous result.
 */
export function createPlaygroundRun(deps: PlaygroundRunDeps): () => Promise<void> {
  const { root, locale, state, variant, resultsView, results, resultFor } = deps;
  let running: AbortController | undefined;
  return async function run(): Promise<void> {
    running?.abort();
    const ctrl = (running = new AbortController());
    const sides: Side[] = state.b ? ['a', 'b'] : ['a'];
    if (sides.some((s) => benchWithoutTests(variant(s)))) {
      resultsView.status(
        `<p class="pg-error" role="alert">${t(locale, 'play.benchNeedsTestHtml')}</p>`,
      );
      return;
    }
    resultsView.status(`<p class="pg-note">${t(locale, 'play.compiling')}</p>`, true);
    root.dataset['running'] = 'true';
    try {
      const outcomes = await Promise.all(
        sides.map(async (s) => {
          const v = structuredClone(variant(s));
          const out = await analyze(requestOf(v), { signal: ctrl.signal, base: API_BASE });
          return [s, v, out] as const;
        }),
      );
      const failed = outcomes.find(([, , o]) => !o.ok);
      for (const [s, v, o] of outcomes) {
        if (!o.ok) continue;
        results[s] = o.result;
        resultFor[s] = variantKey(v);
        deps.onResult(s);
      }
      deps.showResult();
      if (failed && !failed[2].ok) {
        const which = state.b
          ? t(locale, 'play.variantName', { side: failed[0].toUpperCase() })
          : '';
        resultsView.error(
          t(locale, 'play.runFailed', {
            which,
            why: failureMessage(failed[2].error, results[failed[0]] !== undefined, locale),
          }),
        );
      }
      if (state.b) deps.compare.showResults(state, results.a, results.b);
    } catch (err) {
      if (!ctrl.signal.aborted)
        resultsView.error(t(locale, 'play.couldNotRun', { error: String(err) }));
    } finally {
      if (running === ctrl) delete root.dataset['running'];
    }
  };
}
