/**
 * Looks up a function in the toolchain's own source tree, so a statement that cites
 * `runtime/mgc.go GC` can be checked against the Go release the site is built with.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `go env GOROOT` of the go on PATH (the toolchain the content tests run). */
export function goroot(): string {
  return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
}

/**
 * The doc comment and body of `name` in `file` (relative to $GOROOT/src), or undefined when the
 * file or function is gone. `name` is `F`, `(T).M` or `(*T).M`.
 */
export function functionSource(root: string, file: string, name: string): string | undefined {
  const path = join(root, 'src', file);
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const m = /^\((\*?)(\w+)\)\.(\w+)$/.exec(name);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const decl = m
    ? new RegExp(`^func \\(\\w+ ${esc(m[1]!)}${esc(m[2]!)}(\\[[^\\]]*\\])?\\) ${esc(m[3]!)}[[(]`)
    : new RegExp(`^func ${esc(name)}[[(]`);
  const at = lines.findIndex((l) => decl.test(l));
  if (at < 0) return undefined;
  let start = at;
  while (start > 0 && lines[start - 1]!.startsWith('//')) start--;
  // A one-line function ends on its own line; any other ends at the first top-level `}`.
  let end = at;
  if (!lines[at]!.trimEnd().endsWith('}')) while (end < lines.length && lines[end] !== '}') end++;
  return lines.slice(start, end + 1).join('\n');
}

/** Comment markers and runs of whitespace removed, so a quote may span comment lines. */
export function normalizeGo(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*\/\/\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}
