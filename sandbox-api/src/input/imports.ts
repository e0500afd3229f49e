import { goTokens, type GoToken } from './go-tokens.ts';

/** An import path and where it was written. */
export interface ImportSpec {
  path: string;
  line: number;
  column: number;
}

/** The package clause and import declarations of one Go file. */
export interface FileHeader {
  packageName: string | undefined;
  imports: ImportSpec[];
}

/** Reads `package x` and every `import` declaration (single or parenthesised) of a file. */
export function scanHeader(src: string): FileHeader {
  const toks = goTokens(src);
  let packageName: string | undefined;
  const imports: ImportSpec[] = [];
  const next = (): GoToken | undefined => {
    const r = toks.next();
    return r.done ? undefined : r.value;
  };
  let t = next();
  if (t?.kind === 'ident' && t.text === 'package') {
    const name = next();
    if (name?.kind === 'ident') packageName = name.text;
    t = next();
  }
  // Imports must come right after the package clause; the first other declaration ends them.
  while (t !== undefined) {
    if (t.kind === 'punct' && t.text === ';') {
      t = next();
      continue;
    }
    if (!(t.kind === 'ident' && t.text === 'import')) break;
    t = next();
    if (t?.kind === 'punct' && t.text === '(') {
      for (t = next(); t !== undefined && !(t.kind === 'punct' && t.text === ')'); t = next()) {
        if (t.kind === 'string') imports.push({ path: t.text, line: t.line, column: t.column });
      }
      t = next();
    } else {
      while (t !== undefined && t.kind !== 'string') t = next();
      if (t) imports.push({ path: t.text, line: t.line, column: t.column });
      t = next();
    }
  }
  return { packageName, imports };
}

/**
 * Whether an import path names a standard-library package: std paths have no dot in their
 * first element (the rule `go` itself uses to tell std from module paths).
 */
export function isStdImport(path: string): boolean {
  if (path === 'C') return false;
  const first = path.split('/')[0] ?? '';
  return first !== '' && !first.includes('.') && path !== 'main';
}
