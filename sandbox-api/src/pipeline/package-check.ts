import type { CompileError, Mode, SourceFile } from '../protocol.ts';
import { scanHeader } from '../input/imports.ts';

/** The package to compile, or the user errors that stop the job before the compiler runs. */
export interface PackageCheck {
  packageName: string;
  /** Files handed to `compile` (test files only in bench mode, and only in-package ones). */
  compileFiles: string[];
  errors: CompileError[];
}

/**
 * Reads package clauses and imports: only the standard library exists in the sandbox (a clear
 * message beats the compiler's "could not import"), no cgo, and run/bench need the right files.
 * These are the user's errors, reported like compile errors (HTTP 200, ok:false).
 */
export function checkPackage(
  files: readonly SourceFile[],
  mode: Mode,
  std: ReadonlySet<string>,
): PackageCheck {
  const errors: CompileError[] = [];
  const headers = files.map((f) => ({ file: f, header: scanHeader(f.content) }));
  const main = headers.find((h) => !h.file.name.endsWith('_test.go')) ?? headers[0]!;
  const packageName = main.header.packageName ?? 'main';
  for (const { file, header } of headers) {
    for (const imp of header.imports) {
      const message = importProblem(imp.path, std);
      if (message) errors.push({ file: file.name, line: imp.line, column: imp.column, message });
    }
  }
  const compileFiles = headers
    .filter(({ file, header }) =>
      file.name.endsWith('_test.go')
        ? mode === 'bench' && header.packageName === packageName
        : true,
    )
    .map((h) => h.file.name);
  if (mode === 'run' && packageName !== 'main') {
    errors.push({
      file: main.file.name,
      line: 1,
      message: `run mode needs package main (this is package ${packageName}); use build mode to see the compiler's decisions`,
    });
  }
  if (mode === 'bench' && !files.some((f) => f.name.endsWith('_test.go'))) {
    errors.push({
      file: main.file.name,
      line: 1,
      message: 'bench mode needs a _test.go file with func BenchmarkXxx(b *testing.B)',
    });
  }
  return { packageName, compileFiles, errors };
}

function importProblem(path: string, std: ReadonlySet<string>): string | undefined {
  if (path === 'C') return 'cgo is not available here (import "C")';
  // unsafe is built into the compiler, so it has no export data in the importcfg; it is how
  // lessons show sizes and layout (unsafe.Sizeof), and it cannot reach past the sandbox.
  if (path === 'unsafe') return undefined;
  if (path.startsWith('internal/') || path.includes('/internal/') || path.startsWith('vendor/')) {
    return `use of internal package ${path} not allowed`;
  }
  if (!std.has(path)) return `only the standard library is available here: ${path}`;
  return undefined;
}
