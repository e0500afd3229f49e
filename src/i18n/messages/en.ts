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

  // --- zh stream: terminology table ---
  'terms.caption': 'Terms used on this site, in Chinese and English',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
