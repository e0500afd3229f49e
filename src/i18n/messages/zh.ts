import type { Messages } from './en.ts';

/**
 * 简体中文界面文案。键与 `en.ts` 一一对应（类型为 `Messages`，缺键即类型错误）。
 * 编译器消息、gctrace 字段、GODEBUG 名称和 Go 标识符保持英文，由界面在旁边给出中文解释。
 * 术语以 `src/i18n/terms.ts` 的对照表为准。
 */
export const zh: Messages = {
  'site.name': 'Go 内存实验室',
  'lang.switch': 'English',
  'lang.switchLabel': '阅读本页的英文版',
  'nav.learn': '学习',
  'nav.play': '练习场',
  'nav.workshop': '工作坊',
  'nav.glossary': '术语表',

  // --- zh stream: site shell (layouts, header, footer, sidebar, chapter chrome) ---
  'layout.skip': '跳到正文',
  'nav.main': '主导航',
  'theme.label': '主题：{pref}',
  'theme.system': '跟随系统',
  'theme.light': '浅色',
  'theme.dark': '深色',
  'footer.recordedBefore': '本页记录的输出由',
  'footer.recordedAfter': '生成；运行代码片段时使用沙箱当前的工具链。',
  'footer.real': '本站的每一个结果都来自真实的 Go 工具链。',
  'footer.runOwn': '在本机运行沙箱：',
  'sidebar.contents': '目录',
  'sidebar.course': '课程',
  'sidebar.chapters': '章节',
  'sidebar.reference': '参考',
  'prevnext.label': '章节',
  'prevnext.prev': '上一章',
  'prevnext.next': '下一章',
  'chapter.number': '第 {n} 章',
  'chapter.sectionsOne': '共 1 节：',
  'chapter.sectionsMany': '共 {n} 节：',
  'chapter.covers': '对应原文第 {list} 节。',
  'chapter.none': '章节正在编写中。',
  'heading.link': '本节链接',
  'callout.note': '说明',
  'callout.warning': '注意',
  'callout.version': '版本说明',
  'callout.tip': '提示',
  'fc.kind': '事实核查',
  'fc.false': '错误',
  'fc.misleading': '有误导',
  'fc.true': '正确',
  'fc.link': '本条核查的链接',
  'fc.original': '原文：',
  'fc.gloss': '英文大意：',
  'fc.source': '出自{article}',
  'fc.truth': '实际情况',
  'article.title': 'Go内存管理深度解析:从逃逸分析到GC调优,90%开发者忽略的5大性能断点',
  'article.about':
    '各章以一篇中文文章{article}为提纲。文中有错误或容易误导的地方，事实核查会原样引用原句，再用工具链的真实输出说明实际情况。',
  'article.heading': '本站核查的原文',

  // --- zh stream: pages (home, learn, 404, gallery) ---
  'home.description': '在可编辑的代码上运行真实的 Go 编译器，学习逃逸分析、堆分配和 GC 调优。',
  'home.ledeHtml':
    '你的 Go 值究竟放在栈上还是堆上？垃圾回收器又要为它付出多少代价？这里的每个例子都由<strong>真实的 Go 工具链</strong>编译，编译器自己的逃逸分析和内联决策逐行标注在代码上。改一改代码，再运行一次，看决策怎么变。',
  'home.featureSnippetsHtml':
    '<strong>可编辑的代码片段</strong>：每一行都标出 <code>-gcflags=-m</code> 的结果。',
  'home.featureWhyHtml':
    '<strong>不只是结论，还有原因</strong>：把编译器 <code>-m=2</code> 的推理过程画成图。',
  'home.featureGcHtml':
    '<strong>看得见的 GC</strong>：把 <code>gctrace</code> 的每一轮画成图表，还可以调 GOGC 和 GOMEMLIMIT。',
  'home.featureFactsHtml':
    '<strong>事实核查</strong>：流传的说法与编译器实际行为不符时，逐条指出。',
  'home.chapters': '章节',
  'home.reference': '参考',
  'home.more': '章节之外',
  'home.moreHtml':
    '<a href="{play}">练习场</a>可以运行任意 Go 程序（仅限标准库），支持分享链接和对比模式；<a href="{workshop}">工作坊</a>里的练习由编译器来判分。',
  'home.sandbox': '在本机运行沙箱',
  'home.sandboxIntro':
    '页面不依赖服务器也能看：每个代码片段都显示构建站点时记录下来的输出。想运行自己改过的代码，需要沙箱 API，它用你机器上的 Go 工具链编译（需要 Node 24+ 和 Go）：',
  'home.sandboxAfterHtml':
    '<code>npm start</code> 会构建站点，并在同一个端口上同时提供站点和 API；打开它打印的地址即可。代码在沙箱里运行（有 bubblewrap 和 cgroups 时启用），有时间、内存和输出长度限制。',
  'learn.title': '学习',
  'learn.description': 'Go 内存实验室的全部章节，按顺序排列。',
  'learn.lede':
    '五章，按顺序读：从生产环境里常踩的坑，到编译器如何决定放栈还是放堆，再到垃圾回收器调优。',
  'notFound.title': '页面不存在',
  'notFound.description': '这个页面不存在。',
  'notFound.heading': '这个页面逃逸了',
  'notFound.lede': '这个地址上什么都没有——栈上没有，堆上也没有。',
  'notFound.home': '以及章节列表',
  'notFound.homeLink': '首页',
  'notFound.learn': '按顺序阅读各章',
  'notFound.play': '运行任意 Go 程序',
  'notFound.glossary': '逐条解释编译器消息',
  'gallery.title': '示例集',
  'gallery.description': '各章的全部代码片段，可以直接在练习场中打开和修改。',
  'gallery.lede':
    '各章用到的全部程序。在练习场中打开任意一个，改代码、调参数，再交给真实的编译器运行。',
  'gallery.inliningOff': '关闭内联',

  // --- zh stream: terminology table ---
  'terms.caption': '本站使用的术语，中英对照',
};
