/**
 * The terminology table (zh ↔ en) both editions use: the Chinese chapters write `zh`, the glossary
 * shows both columns, and tests/unit/i18n/terms.test.ts fails when Chinese content uses one of the
 * `avoid` variants instead. Compiler messages, gctrace fields, GODEBUG names and Go identifiers are
 * not terms: they stay in English everywhere.
 */
export interface Term {
  zh: string;
  en: string;
  /** Renderings a Chinese Go engineer might also meet, which this site does not use. */
  avoid?: readonly string[];
}

export const terms: readonly Term[] = [
  { zh: '逃逸分析', en: 'escape analysis', avoid: ['逸出分析'] },
  { zh: '逃逸', en: 'escape (to the heap)' },
  { zh: '内联', en: 'inlining', avoid: ['内嵌展开', '内联化'] },
  { zh: '去虚拟化', en: 'devirtualization', avoid: ['反虚拟化'] },
  { zh: '栈', en: 'stack', avoid: ['堆栈'] },
  { zh: '堆', en: 'heap' },
  { zh: '栈帧', en: 'stack frame' },
  { zh: '存活堆', en: 'live heap' },
  { zh: '堆目标', en: 'heap goal' },
  { zh: '垃圾回收', en: 'garbage collection (GC)', avoid: ['垃圾收集'] },
  { zh: '标记辅助', en: 'mark assist', avoid: ['辅助标记时间'] },
  { zh: '并发标记', en: 'concurrent mark' },
  { zh: '清扫终止', en: 'sweep termination', avoid: ['清除终止'] },
  { zh: '标记终止', en: 'mark termination' },
  { zh: '写屏障', en: 'write barrier' },
  { zh: '软内存限制', en: 'soft memory limit (GOMEMLIMIT)', avoid: ['软堆上限'] },
  { zh: '清道夫', en: 'scavenger' },
  { zh: '终结器', en: 'finalizer', avoid: ['析构器'] },
  { zh: '清理函数', en: 'cleanup (runtime.AddCleanup)' },
  { zh: '大小等级', en: 'size class', avoid: ['尺寸类别'] },
  { zh: '微对象', en: 'tiny object' },
  { zh: '大对象', en: 'large object' },
  { zh: '底层数组', en: 'backing array' },
  { zh: '装箱', en: 'boxing (into an interface)' },
  { zh: '闭包', en: 'closure' },
  { zh: '分配剖析', en: 'allocation profile' },
  { zh: '执行跟踪', en: 'execution trace' },
];
