import { describe, expect, it } from 'vitest';
import { isStdImport, scanHeader } from '../../../src/input/imports.ts';
import { checkPackage } from '../../../src/pipeline/package-check.ts';

describe('scanHeader', () => {
  it('reads the package clause, single and grouped imports with positions', () => {
    const src = `// Package doc mentions import "fake/one".
package main

import "fmt"
import (
	"os"
	str "strings" // renamed
	_ "embed"
	/* "commented/out" */
	\`raw/path\`
)

func main() { _ = "import \\"not/this\\"" }
`;
    const h = scanHeader(src);
    expect(h.packageName).toBe('main');
    expect(h.imports).toEqual([
      { path: 'fmt', line: 4, column: 8 },
      { path: 'os', line: 6, column: 2 },
      { path: 'strings', line: 7, column: 6 },
      { path: 'embed', line: 8, column: 4 },
      { path: 'raw/path', line: 10, column: 2 },
    ]);
  });

  it('finds imports however they are laid out (the std-only check must not miss one)', () => {
    const paths = (src: string) => scanHeader(src).imports.map((i) => i.path);
    expect(paths('package main; import "github.com/x/y"; func main() {}')).toEqual([
      'github.com/x/y',
    ]);
    expect(paths('package main\nimport . "fmt"\nimport (_ "os"; x "net")\n')).toEqual([
      'fmt',
      'os',
      'net',
    ]);
    expect(paths('package main\n/* import "a" */ import /* "b" */ "c"\n')).toEqual(['c']);
    // Escapes are decoded as the compiler decodes them, so a dot cannot hide behind \x2e.
    expect(paths('package main\nimport "github\\x2ecom/x"\n')).toEqual(['github.com/x']);
    expect(paths('package main\nimport "a\\u00e9\\056b\\"c"\n')).toEqual(['aé.b"c']);
  });

  it('counts columns in bytes, as the compiler does', () => {
    expect(scanHeader('package main\n/* é */ import "os"\n').imports[0]).toEqual({
      path: 'os',
      line: 2,
      column: 17,
    });
  });

  it('stops at the first declaration and survives unterminated input', () => {
    expect(scanHeader('package p\nvar x = 1\nimport "late"\n').imports).toEqual([]);
    expect(scanHeader('package p\nimport (\n"fmt"\n').imports.map((i) => i.path)).toEqual(['fmt']);
    expect(scanHeader('').packageName).toBeUndefined();
  });
});

describe('std-only imports', () => {
  const std = new Set(['fmt', 'os', 'net/http', 'internal/abi']);

  it('names the offending import at its position, and cgo separately', () => {
    const src =
      'package main\n\nimport (\n\t"fmt"\n\t"github.com/google/uuid"\n\t"C"\n\t"internal/abi"\n\t"nope/pkg"\n)\n';
    const r = checkPackage([{ name: 'main.go', content: src }], 'build', std);
    expect(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '5:2 only the standard library is available here: github.com/google/uuid',
      '6:2 cgo is not available here (import "C")',
      '7:2 use of internal package internal/abi not allowed',
      '8:2 only the standard library is available here: nope/pkg',
    ]);
  });

  it('accepts unsafe, which the compiler provides without export data', () => {
    const src = 'package main\n\nimport "unsafe"\n\nvar _ = unsafe.Sizeof(0)\n';
    expect(checkPackage([{ name: 'main.go', content: src }], 'build', std).errors).toEqual([]);
  });

  it('uses the package name, keeps test files out of build, and wants main for run', () => {
    const files = [
      { name: 'lib.go', content: 'package shapes\n' },
      { name: 'lib_test.go', content: 'package shapes\n' },
    ];
    expect(checkPackage(files, 'build', std)).toMatchObject({
      packageName: 'shapes',
      compileFiles: ['lib.go'],
      errors: [],
    });
    expect(checkPackage(files, 'bench', std).compileFiles).toEqual(['lib.go', 'lib_test.go']);
    expect(checkPackage(files, 'run', std).errors[0]?.message).toMatch(
      /run mode needs package main/,
    );
    expect(checkPackage([files[0]!], 'bench', std).errors[0]?.message).toMatch(/_test\.go/);
  });

  it('tells std paths from module paths by the dot rule', () => {
    expect(isStdImport('net/http')).toBe(true);
    expect(isStdImport('golang.org/x/net')).toBe(false);
    expect(isStdImport('C')).toBe(false);
  });
});
