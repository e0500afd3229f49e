/**
 * The function a source line belongs to, for decisions that arrive without one (`-m=1` output
 * names no function) and for the positions of inline chains. It asks the service's own index of
 * the file (the @lezer/go syntax tree), so the site names a function exactly as the service
 * fills `Decision.function`: `f`, `(*T).M`, `T.M`, closures `f.func1`.
 */
import { indexGoSource, type GoSourceIndex } from '@go-memory-lab/sandbox-api/go-source';

// A diff asks once per decision, mostly about the same file: keep the last file's index.
let last: { text: string; index: GoSourceIndex } | undefined;

/** The innermost function around the start of `line`, undefined outside every function. */
export function enclosingFunction(text: string, line: number): string | undefined {
  if (last?.text !== text) last = { text, index: indexGoSource(text) };
  return last.index.enclosingFunction(line);
}
