import type { Messages } from './en.ts';

/**
 * 简体中文界面文案。键与 `en.ts` 一一对应（类型为 `Messages`，缺键即类型错误）。
 * 编译器消息、gctrace 字段、GODEBUG 名称和 Go 标识符保持英文，由界面在旁边给出中文解释。
 */
export const zh: Messages = {
  'site.name': 'Go 内存实验室',
  'lang.switch': 'English',
  'lang.switchLabel': '阅读本页的英文版',
  'nav.learn': '学习',
  'nav.play': '练习场',
  'nav.workshop': '工作坊',
  'nav.glossary': '术语表',
  // --- stale stream (issue 14): result freshness, run status, snippet toolbar ---
  'result.stale': '结果已过期：此结果之后{reasons}。按“运行”更新。',
  'result.stale.join': '、',
  'result.stale.code': '代码已修改',
  'result.stale.mode': '模式已更改',
  'result.stale.escapeDetail': '-m 详细程度已更改',
  'result.stale.inline': '内联开关已切换',
  'result.stale.env': '运行时参数已更改',
  'result.stale.toolchain': 'Go 版本已更改',
  'result.stale.diagram': '此图对应修改前的代码；按“运行”重新绘制。',
  'result.noDiagramCompileError': '没有图：代码未能编译。',
  'result.running': '正在运行你的代码：在新结果到来之前，下方仍是上一次的结果。',
  'snippet.intro.flow':
    '编译器自己的推理（-m=2 flow）。在上方选择一条决策或点击行号旁的标记来追踪它；点击某一步可定位到对应的行。',
  'snippet.intro.noFlow':
    '此结果用 -m 编译，只给出结论、不给出原因。在“详细程度”中选择“-m=2 (why)”即可看到推理过程。',
  'run.timedOut': '已在 {ms} ms 时因超时被停止：程序没有运行完。编译器决策 {decisions} 条。',
  'run.outOfMemory': '已停止：程序使用的内存超过了沙箱上限。编译器决策 {decisions} 条。',
  'snippet.badKnob': '未运行：{problems}。',
  'share.creating': '正在创建短链接…',
  'share.withResult': '短链接也会显示你现在看到的结果。',
  'share.noShortLink': '无法创建短链接（{reason}）；下面的链接不需要服务器也能打开。',
  'play.runFailed': '无法运行{which}：{why}',
  'snippet.stop': '停止',
  'snippet.stopped': '已停止：本次运行已取消，结果没有变化。',
  'snippet.limits': '运行模式：每个程序最多运行 {s} 秒，使用 {mib} MiB 内存。',
  'snippet.link': '链接到此代码片段',
  'snippet.copyLink': '复制链接',
  'snippet.linkCopied': '链接已复制：它会在本章打开此代码片段，并带上你的代码和选项。',
  'gc.peakHeapNote': '堆峰值是运行时在 gctrace 行中报告的最大“GC 开始时的堆大小”，单位 MB。',
  'gc.peakHeapOom':
    '程序因使用的内存超过沙箱上限而被停止。堆峰值是此前运行时在 gctrace 中报告的最大堆大小（MB）：它统计程序申请的内存，可能远大于程序实际触及的内存，而沙箱限制的是后者。',
};
