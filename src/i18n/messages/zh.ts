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
  // content-truth: GOEXPERIMENT 片段选项（构建时选择垃圾回收器）
  'snippet.goexperiment.default': '默认（Green Tea GC）',
  'snippet.goexperiment.nogreenteagc': 'nogreenteagc（1.26 之前的标记方式）',
  'snippet.goexperiment.label': '程序构建时使用的垃圾回收器',
};
