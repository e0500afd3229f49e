/**
 * English UI strings: the reference catalogue. Every key here must exist in `zh.ts` (its type is
 * `Messages`, so a missing key is a type error). Placeholders are `{name}` and filled by `t()`.
 * Keys are grouped by the part of the site that shows them: `nav.*`, `snippet.*`, `play.*`,
 * `workshop.*`, `class.*`, `error.*` (API error codes), `killed.*` (killed-reason codes).
 * A few values carry inline markup (`<strong>`, `<code>`); those keys end in `Html` and are the
 * only ones a page may render with `set:html`.
 */
export const en = {
  'site.name': 'Go Memory Lab',
  'lang.switch': '中文',
  'lang.switchLabel': 'Read this page in Chinese',
  'nav.learn': 'Learn',
  'nav.play': 'Playground',
  'nav.workshop': 'Workshop',
  'nav.glossary': 'Glossary',

  // --- zh stream: site shell (layouts, header, footer, sidebar, chapter chrome) ---
  'layout.skip': 'Skip to content',
  'nav.main': 'Main',
  'theme.label': 'Theme: {pref}',
  'theme.system': 'system',
  'theme.light': 'light',
  'theme.dark': 'dark',
  'footer.recordedBefore': 'Recorded output on this page was produced by',
  'footer.recordedAfter': "; running a snippet uses the sandbox's toolchain.",
  'footer.real': 'Every result on this site comes from the real Go toolchain.',
  'footer.runOwn': 'Run your own sandbox:',
  'sidebar.contents': 'Contents',
  'sidebar.course': 'Course',
  'sidebar.chapters': 'Chapters',
  'sidebar.reference': 'Reference',
  'prevnext.label': 'Chapters',
  'prevnext.prev': 'Previous',
  'prevnext.next': 'Next',
  'chapter.number': 'Chapter {n}',
  'chapter.sectionsOne': '1 section:',
  'chapter.sectionsMany': '{n} sections:',
  'chapter.covers': 'Covers article sections {list}.',
  'chapter.none': 'The chapters are being written.',
  'heading.link': 'Link to this section',
  'callout.note': 'Note',
  'callout.warning': 'Warning',
  'callout.version': 'Version note',
  'callout.tip': 'Tip',
  'fc.kind': 'Fact check',
  'fc.false': 'False',
  'fc.misleading': 'Misleading',
  'fc.true': 'True',
  'fc.link': 'Link to this fact check',
  'fc.original': 'The article says (original Chinese):',
  'fc.gloss': 'In English:',
  'fc.source': 'from {article}',
  'fc.truth': 'What is true',
  'article.title': 'Go内存管理深度解析:从逃逸分析到GC调优,90%开发者忽略的5大性能断点',
  'article.about':
    'The chapters follow a Chinese article on Go memory management, {article}. Where it is wrong or misleading, a fact check quotes its original sentence and shows what the toolchain really does.',
  'article.heading': 'The article these chapters check',

  // --- zh stream: pages (home, learn, 404, gallery) ---
  'home.description':
    'Learn Go escape analysis, heap allocation and GC tuning by running the real Go compiler on code you can edit.',
  'home.ledeHtml':
    "Where does your Go value live — stack or heap — and what does the garbage collector pay for it? Every example here is compiled by the <strong>real Go toolchain</strong>, and the compiler's own escape-analysis and inlining decisions are drawn on the code, line by line. Change the code, run it again, and watch the decisions change.",
  'home.featureSnippetsHtml':
    '<strong>Editable snippets</strong> with <code>-gcflags=-m</code> results on every line.',
  'home.featureWhyHtml':
    "<strong>Why, not just what</strong>: the compiler's <code>-m=2</code> reasoning as a diagram.",
  'home.featureGcHtml':
    '<strong>GC you can see</strong>: <code>gctrace</code> cycles charted, with GOGC and GOMEMLIMIT to play with.',
  'home.featureFactsHtml':
    '<strong>Fact checks</strong> where popular advice does not match what the compiler does.',
  'home.chapters': 'Chapters',
  'home.reference': 'Reference',
  'home.more': 'Beyond the chapters',
  'home.moreHtml':
    'The <a href="{play}">playground</a> takes any Go program (standard library only), with share links and a compare mode; the <a href="{workshop}">workshop</a> has exercises checked by the compiler.',
  'home.sandbox': 'Run your own sandbox',
  'home.sandboxIntro':
    'The pages work without a server: every snippet shows the output recorded when the site was built. To run your own edits you need the sandbox API, which compiles with the Go toolchain on your machine (Node 24+ and Go installed):',
  'home.sandboxAfterHtml':
    '<code>npm start</code> builds the site and serves it together with the API on one port; open the address it prints. Jobs run in a sandbox (bubblewrap and cgroups when available) with time, memory and output limits.',
  'learn.title': 'Learn',
  'learn.description': 'All chapters of Go Memory Lab, in order.',
  'learn.lede':
    'Five chapters, in order: from the pitfalls people hit in production, through how the compiler decides stack or heap, to tuning the garbage collector.',
  'notFound.title': 'Page not found',
  'notFound.description': 'This page does not exist.',
  'notFound.heading': 'This page escaped',
  'notFound.lede': 'Nothing lives at this address — not on the stack, not on the heap.',
  'notFound.home': 'and the list of chapters',
  'notFound.homeLink': 'Home',
  'notFound.learn': 'the chapters in order',
  'notFound.play': 'run any Go program',
  'notFound.glossary': 'every compiler message explained',
  'gallery.title': 'Examples gallery',
  'gallery.description':
    'Every snippet from the chapters, ready to open and change in the playground.',
  'gallery.lede':
    'Every program from the chapters. Open one in the playground to edit it, change the knobs, and run the real compiler on it.',
  'gallery.inliningOff': 'inlining off',

  // --- zh stream: snippet results (server paint and client re-render share these) ---
  'result.recorded': 'Recorded result',
  'result.live': 'Live result',
  'result.fromCache': 'from cache',
  'result.mode.build': 'build only',
  'result.mode.run': 'run with GC trace',
  'result.mode.bench': 'benchmark',
  'result.noCompile': 'The code did not compile.',
  'result.rawCut': 'Cut off at the sandbox limit.',
  'result.rawEmpty': 'The compiler printed nothing.',
  'result.noDecisions': 'The compiler reported no decisions.',
  'result.line': 'line {n}',
  'result.inGlossary': '{title} in the glossary',
  'result.cat.heap': 'heap',
  'result.cat.stack': 'stack',
  'result.cat.inline': 'inlining',
  'result.cat.other': 'other',
  'run.outputCut': 'Output was cut off at the sandbox limit.',
  'run.timedOut': 'The program ran too long and was stopped (time limit).',
  'run.oom': 'The program used more memory than the sandbox allows and was stopped.',
  'run.exit': 'The program exited with status {code}.',
  'run.signal': 'The program was stopped by {signal}.',
  'run.stdout': 'Standard output',
  'run.stderr': 'Standard error',
  'run.empty': 'The program printed nothing.',
  'run.took': 'Ran in {wall} ms wall, {cpu} ms CPU.',
  'gc.chartLabel':
    'Heap size at GC start and end, heap goal, and stop-the-world pause for each of {n} GC cycles',
  'gc.pauseTitle': 'GC {n}: {ms} ms pause',
  'gc.pauseAxis': 'stop-the-world pause per cycle',
  'gc.heapAxis': 'heap per cycle',
  'gc.legendStart': 'heap at GC start',
  'gc.legendEnd': 'heap at GC end',
  'gc.legendGoal': 'goal',
  'gc.legendPause': 'pause',
  'gc.cutShortHtml':
    'The program exited while the runtime was still writing the trace line of cycle {n}, so it is not in the table: <code>{line}</code>. Something that stops the world before exiting (for example <code>runtime.ReadMemStats</code>) lets the line finish.',
  'gc.none': 'No GC cycle ran: the heap never reached its goal.',
  'gc.summary':
    '{cycles} cycles ({forced} forced), total pause {total} ms, longest {max} ms, peak heap {peak} MB, GC CPU {cpu}%.',
  'gc.caption': 'GC cycles from gctrace',
  'gc.colAt': 'at (s)',
  'gc.colStart': 'heap start (MB)',
  'gc.colEnd': 'heap end (MB)',
  'gc.colLive': 'live (MB)',
  'gc.colGoal': 'goal (MB)',
  'gc.colPause': 'pause (ms)',
  'gc.colCpu': 'GC CPU %',
  'gc.forced': '(forced)',
  'bench.none': 'No benchmark result.',
  'bench.noneFailed': 'No benchmark result: the tests failed.',
  'bench.failed': '(tests failed)',
  'bench.colName': 'benchmark',
  'bench.colRuns': 'runs',

  // --- zh stream: snippet chrome (src/components/Snippet.astro) ---
  'snippet.options': 'Options for {title}',
  'snippet.run': 'Run',
  'snippet.reset': 'Reset',
  'snippet.mode': 'Mode',
  'snippet.detail': 'Detail',
  'snippet.why': '-m=2 (why)',
  'snippet.inlining': 'inlining',
  'snippet.eg': 'e.g. {example}',
  'snippet.orOff': '{example} or off',
  'snippet.openPlay': 'Open in playground',
  'snippet.files': 'Files',
  'snippet.kbdHintHtml':
    'Tab indents. <kbd>Esc</kbd> then <kbd>Tab</kbd> moves on; <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs.',
  'snippet.noRecorded': 'No recorded result yet: press Run to ask the compiler.',
  'snippet.decisions': 'Compiler decisions',
  'snippet.show': 'Show',
  'snippet.diagram': 'Stack or heap?',
  'snippet.diagramCaption': '{subject}, line {line}',
  'snippet.diagramNoteHtml':
    "The compiler's own reasoning (<code>-m=2</code> flow). Pick a decision above or a gutter mark to follow it; click a step to find its line.",
  'snippet.noDiagram': 'No stack-or-heap decision to draw yet.',
  'snippet.output': 'Program output',
  'snippet.gc': 'Garbage collection',
  'snippet.bench': 'Benchmark',
  'snippet.raw': 'Raw compiler output',

  // --- zh stream: playground page chrome (src/pages/play/index.astro) ---
  'play.title': 'Playground',
  'play.description':
    'Edit Go, run the real compiler, and see every stack-or-heap decision, GC cycle and benchmark.',
  'play.sessionBack': 'Your last session is back.',
  'play.startFresh': 'Start fresh',
  'play.openFull': 'Open in the full playground ↗',
  'play.noscript': 'The playground needs JavaScript to edit and run code.',
  'play.options': 'Run options',
  'play.variant': 'Variant',
  'play.mode': 'Mode',
  'play.modeRun': 'run (GC trace)',
  'play.escapeDetail': 'Escape detail',
  'play.inlining': 'Inlining',
  'play.toolchain': 'Toolchain',
  'play.default': 'default',
  'play.run': 'Run',
  'play.share': 'Share',
  'play.compare': 'Compare',
  'play.shortLink': 'Short link',
  'play.copy': 'Copy',
  'play.longLink': 'Link with everything in it (no server needed)',
  'play.code': 'Code',
  'play.loadingEditor': 'Loading the editor…',
  'play.results': 'Results',
  'play.compareLabel': 'Compare A and B',
  'play.diffDecisions': 'What the compiler decided differently',
  'play.heapOverTime': 'Heap over time',
  'play.benchmarks': 'Benchmarks',

  // --- zh stream: workshop page chrome (src/pages/workshop, src/components/workshop) ---
  'workshop.title': 'Workshop',
  'workshop.description':
    'Exercises checked by the real Go compiler and runtime, with saved progress.',
  'workshop.ledeHtml':
    '{count} exercises, about {hours} hours in all. Each one states goals such as “this variable stays on the stack” or “0 allocs/op”; <strong>Check my code</strong> runs your code through the real Go toolchain and shows, goal by goal, what the compiler or runtime said.',
  'workshop.progressKept': 'Your progress is kept in this browser.',
  'workshop.showAll': 'Show all exercises',
  'workshop.facts': 'Chapter {chapter} · {difficulty} · about {minutes} min',
  'workshop.notStarted': 'Not started',
  'workshop.addToSeq': 'Add “{title}” to a sequence',
  'workshop.progressFile': 'Your progress file',
  'workshop.progressMove': 'Move your progress to another browser, or keep a copy.',
  'workshop.export': 'Export progress',
  'workshop.import': 'Import progress…',
  'workshop.seqHeading': 'For instructors: share a sequence',
  'workshop.chooseExercises': 'Choose exercises',
  'workshop.seqHelp':
    "Tick exercises in the order you want them; the link shows only those, in that order, and each exercise's previous/next follow it.",
  'workshop.seqLink': 'Sequence link',
  'workshop.seqPlaceholder': 'Tick exercises to build a link',
  'workshop.copyLink': 'Copy link',
  'workshop.breadcrumb': 'Breadcrumb',
  'workshop.position': 'Exercise {n} of {total}',
  'workshop.solved': 'You solved this exercise. Keep experimenting, or go on to the next one.',
  'workshop.actions': 'Exercise actions',
  'workshop.check': 'Check my code',
  'workshop.reset': 'Reset to start',
  'workshop.showSolution': 'Show solution',
  'workshop.restore': 'Restore my code',
  'workshop.editable': '(editable)',
  'workshop.statusStart': 'Edit the code, then check it against the goals.',
  'workshop.readOnly': '(read-only, sent with your code)',
  'workshop.decisions': 'Compiler decisions',
  'workshop.exercises': 'Exercises',
  'workshop.goals': 'Goals',
  'workshop.notChecked': 'Not checked yet',
  'workshop.hints': 'Hints',
  'workshop.showHintHtml': 'Show hint <span data-slot="hint-count">1</span> of {total}',
  'workshop.metaChapter': 'Chapter',
  'workshop.metaDifficulty': 'Difficulty',
  'workshop.metaTime': 'Time',
  'workshop.minutes': 'about {minutes} min',
  'workshop.difficulty1': 'warm-up',
  'workshop.difficulty2': 'core',
  'workshop.difficulty3': 'stretch',

  // --- zh stream: why the sandbox stopped a step (protocol.ts `killed.code`) ---
  'killed.memory':
    'The {step} was killed because it used more than {limit} of memory (the limit here).',
  'killed.time':
    'The {step} was stopped after {limit}: that is the wall-clock limit here (an endless loop or a long sleep?).',
  'killed.stdout':
    'The {step} was stopped because it wrote more than {limit} to stdout; the output shown is cut there.',
  'killed.stderr':
    'The {step} was stopped because it wrote too much to stderr; the output shown is cut there.',
  'killed.pids':
    'The {step} tried to create more than {limit} processes or threads (the limit here).',
  'killed.step.program': 'program',
  'killed.step.compiler': 'compiler',
  'killed.step.linker': 'linker',
  'killed.step.benchmark': 'benchmark',

  // --- zh stream: failed runs (src/client/snippet/failure-message.ts) ---
  'fail.keptRecorded': 'Your code and the recorded result are kept.',
  'fail.kept': 'Your code is kept.',
  'fail.unreachable':
    'The Go sandbox is unreachable, so nothing was run. {kept} To run snippets yourself, start a local sandbox: npm install && npm start.',
  'fail.invalid': 'The sandbox answered with something this page does not understand. {kept}',
  'fail.busy': 'The sandbox is still busy; try again in a moment. {kept}',
  'fail.server': 'The sandbox failed (HTTP {status}): {message} {kept}',
  'fail.refused': 'The sandbox refused the request: {message} {kept}',

  // --- zh stream: terminology table ---
  'terms.caption': 'Terms used on this site, in Chinese and English',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
