/**
 * The Chinese plain-language explanations of compiler decisions: the same cases as `text()` in
 * explain.ts, written for a Chinese reader. Compiler words (`moved to heap`, flow reasons) and Go
 * identifiers stay in English inside backticks; terms follow src/i18n/terms.ts.
 */
import type { Decision, Explanation } from '@go-memory-lab/sandbox-api/protocol';
import { lastReason, sinkOf } from './explain.ts';

/** Why a value is on the heap, as a clause after “这里”. */
export function heapReasonZh(e: Explanation | undefined): string | undefined {
  if (!e) return undefined;
  const sink = sinkOf(e);
  const r = lastReason(e);
  if (sink?.startsWith('~r') || r?.why === 'return') return '它被返回了';
  if (!r) return undefined;
  switch (r.why) {
    case 'too large for stack':
      return '它对栈来说太大';
    case 'too aligned for stack':
      return '它的对齐要求超出了栈的能力';
    case 'call parameter':
      return `它被传给了 \`${r.where}\`，后者会保留它`;
    case 'captured by a closure':
      return '一个活得比函数更久的闭包捕获了它';
    case 'interface-converted':
      return '它被转换成了一个会逃逸的接口值';
    case 'assign':
      return `\`${r.where}\` 把它存到了比函数活得更久的地方`;
    default:
      return `${r.why}：\`${r.where}\``;
  }
}

export function explainZh(d: Decision): { title: string; plain: string } {
  const s = `\`${d.subject}\``;
  const why = heapReasonZh(d.explanation);
  const noWhy = '用 -m=2 运行可以看到原因';
  switch (d.kind) {
    case 'moved-to-heap':
      return {
        title: '移到堆上',
        plain: `${s} 住在堆上：它的地址活得比函数更久（${why ? `这里${why}` : noWhy}）。`,
      };
    case 'escapes-to-heap':
      return {
        title: '逃逸到堆',
        plain: `${s} 在堆上分配（${why ? `这里${why}` : noWhy}）。`,
      };
    case 'does-not-escape':
      return {
        title: '留在栈上',
        plain: `${s} 留在栈上：函数返回后没有任何东西保留它的地址，所以不产生堆分配。`,
      };
    case 'param-does-not-escape':
      return {
        title: '参数不逃逸',
        plain: `参数 ${s} 在调用结束后不会被保留，所以调用方可以传入栈上变量的地址。`,
      };
    case 'leaking-param':
      return {
        title: '参数泄漏',
        plain: `参数 ${s} 在调用结束后仍被保留（${why ? `这里${why}` : '它会到达堆'}），所以调用方传进来的东西都必须放在堆上。`,
      };
    case 'leaking-param-content':
      return {
        title: '参数内容泄漏',
        plain: `${s} 指向的内容在调用结束后仍被保留，所以调用方被指向的数据必须放在堆上；指针本身并不逃逸。`,
      };
    case 'leaking-param-to-result':
      return {
        title: '参数流向返回值',
        plain: `参数 ${s} 被返回了；只有当调用方把结果存到活得更久的地方时，它才会逃逸。`,
      };
    case 'can-inline': {
      const cost = d.details['cost'];
      return {
        title: '可以内联',
        plain: `${s} 足够便宜，可以内联${typeof cost === 'number' ? `（代价 ${cost}，预算 80）` : ''}：调用处可以换成它的函数体，逃逸分析随后在调用方中分析这段函数体。`,
      };
    }
    case 'cannot-inline': {
      const reason = d.details['reason'] ?? d.message.replace(/^cannot inline [^:]+: /, '');
      return {
        title: '无法内联',
        plain: `${s} 没有被内联：${String(reason)}。它收到的值按一次独立的调用来分析。`,
      };
    }
    case 'inlining-call':
      return {
        title: '内联调用',
        plain: `对 ${s} 的调用在这里被替换成了它的函数体，所以其中的分配在本函数中判定，可能留在栈上。`,
      };
    case 'devirtualizing':
      return {
        title: '去虚拟化',
        plain: `编译器知道 ${s} 背后的具体类型，于是接口调用变成了直接调用（还可能被内联）。`,
      };
    case 'closure-capture':
      return {
        title: '闭包捕获',
        plain: `闭包${d.details['mode'] === 'ref' ? '按引用' : d.details['mode'] === 'value' ? '按值' : ''}捕获了 ${s}；按引用捕获时，活得比函数更久的变量必须移到堆上。`,
      };
    case 'loop-variable':
      return { title: '循环变量', plain: `${d.message}：每次迭代都有自己的 ${s}。` };
    case 'zero-copy':
      return {
        title: '零拷贝转换',
        plain: '这次 `[]byte` 转换复用了字符串的内存，因为它从不被修改：不复制，也不分配。',
      };
    case 'bounds-check-elided':
      return {
        title: '消除边界检查',
        plain: '编译器证明了下标一定在范围内，于是去掉了边界检查。',
      };
    case 'other':
      return { title: '编译器提示', plain: d.message };
  }
}
