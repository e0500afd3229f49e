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
  // 工作坊目标（goals 流）：没有证据可判定的结果，以及判定方式
  'workshop.goal.cannotJudge': '无法判定',
  'workshop.goal.cannotJudgeWhy': '无法判定：{reason}。这不算通过，请再检查一次。',
  'workshop.goal.judgedBy': '判定方式：{how}。',
};
