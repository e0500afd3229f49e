/**
 * English UI strings: the reference catalogue. Every key here must exist in `zh.ts` (its type is
 * `Messages`, so a missing key is a type error). Placeholders are `{name}` and filled by `t()`.
 * Keys are grouped by the part of the site that shows them: `nav.*`, `snippet.*`, `play.*`,
 * `workshop.*`, `class.*`, `error.*` (API error codes), `killed.*` (killed-reason codes).
 */
export const en = {
  'site.name': 'Go Memory Lab',
  'lang.switch': '中文',
  'lang.switchLabel': 'Read this page in Chinese',
  'nav.learn': 'Learn',
  'nav.play': 'Playground',
  'nav.workshop': 'Workshop',
  'nav.glossary': 'Glossary',
  // --- stale stream (issue 14): result freshness, run status, snippet toolbar ---
  'result.stale': 'Out of date: {reasons} since this result. Press Run to update it.',
  'result.stale.join': ', ',
  'result.stale.code': 'the code was edited',
  'result.stale.mode': 'the mode changed',
  'result.stale.escapeDetail': 'the -m detail changed',
  'result.stale.inline': 'inlining was switched',
  'result.stale.env': 'the runtime knobs changed',
  'result.stale.toolchain': 'the Go version changed',
  'result.stale.diagram': 'The diagram belongs to the code before your edit; Run to redraw it.',
  'result.noDiagramCompileError': 'No diagram: the code did not compile.',
  'result.running': 'Running your code: the previous result is kept below until it is replaced.',
  'snippet.intro.flow':
    "The compiler's own reasoning (-m=2 flow). Pick a decision above or a gutter mark to follow it; click a step to find its line.",
  'snippet.intro.noFlow':
    'This result was compiled with -m, which prints verdicts without reasons. Choose “-m=2 (why)” in Detail to see the reasoning.',
  'run.timedOut':
    'Stopped at the time limit after {ms} ms: the program did not finish. {decisions} compiler decisions.',
  'run.outOfMemory':
    'Stopped: the program used more memory than the sandbox allows. {decisions} compiler decisions.',
  'snippet.badKnob': 'Not run: {problems}.',
  'share.creating': 'Creating a short link…',
  'share.withResult': 'The short link also shows the result you see now.',
  'share.noShortLink': 'No short link ({reason}); the link below works without a server.',
  'play.runFailed': 'Could not run{which}: {why}',
  'snippet.stop': 'Stop',
  'snippet.stopped': 'Stopped: the run was cancelled and nothing changed.',
  'snippet.limits': 'Run mode: each program runs for up to {s} s and {mib} MiB of memory.',
  'snippet.link': 'Link to this snippet',
  'snippet.copyLink': 'Copy link',
  'snippet.linkCopied':
    'Link copied: it opens this chapter at this snippet, with your code and options.',
  'gc.peakHeapNote':
    'Peak heap is the largest “heap at GC start” the runtime reported in a gctrace line, in MB.',
  'gc.peakHeapOom':
    'The program was stopped for using more memory than the sandbox allows. Peak heap is the largest heap the runtime reported before that (gctrace, MB): it counts memory the program asked for, which can be far more than the memory it actually touched, which is what the sandbox limits.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
