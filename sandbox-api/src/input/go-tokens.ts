/** A Go string literal or identifier found outside comments, with its 1-based position. */
export interface GoToken {
  kind: 'ident' | 'string' | 'punct';
  text: string;
  line: number;
  column: number;
}

/**
 * A deliberately small Go tokenizer: enough to read the package clause and import
 * declarations. It skips comments and understands interpreted, raw and rune literals so
 * that `import` inside a string or comment is never mistaken for a declaration.
 */
export function* goTokens(src: string): Generator<GoToken> {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) {
        if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = stop;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      const stop = end < 0 ? n : end + 1;
      const text = src.slice(i + 1, stop - 1);
      yield { kind: 'string', text, line, column };
      for (let j = i; j < stop; j++) {
        if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      yield {
        kind: c === '"' ? 'string' : 'punct',
        text: unquote(src.slice(i + 1, j)),
        line,
        column,
      };
      i = j + 1;
      continue;
    }
    if (/[\p{L}_]/u.test(c)) {
      let j = i + 1;
      while (j < n && /[\p{L}\p{N}_]/u.test(src[j]!)) j++;
      yield { kind: 'ident', text: src.slice(i, j), line, column };
      i = j;
      continue;
    }
    yield { kind: 'punct', text: c, line, column };
    i++;
  }
}

function unquote(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}
