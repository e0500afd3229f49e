/** Escape analysis through the service on the real toolchain: decisions, -l, -m=2, errors. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompilerOutput } from '../../src/parse/index.ts';
import { type AnalyzeResponse } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { STATE_DIR, analyze, lineOf, mainGo } from './harness.ts';
import { useService } from './use-service.ts';
import { RETURN_ADDR, find } from './analyze-fixtures.ts';

let service: Service;
useService((s) => (service = s));

describe('escape analysis on the real toolchain', () => {
  it('returning &x moves x to the heap, with the -m=2 explanation', async () => {
    const r = await analyze(service, mainGo(RETURN_ADDR, { inline: false }));
    expect(r.ok).toBe(true);
    const [moved] = find(r, 'moved-to-heap', 't');
    expect(moved).toMatchObject({
      file: 'main.go',
      line: lineOf(RETURN_ADDR, 't := T{1, 2}'),
      function: 'newT',
    });
    const steps = moved?.explanation?.steps ?? [];
    expect(steps.some((s) => s.ops === '&' && s.reasons.some((x) => x.why === 'address-of'))).toBe(
      true,
    );
    expect(r.toolchain.version).toMatch(/^go1\.\d+\.\d+$/);
    expect(r.gcflags).toBe("-gcflags='-m=2 -l'");
  });

  it('a closure that outlives its function captures by reference and moves the variable', async () => {
    const src = `package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c := counter()
	println(c(), c())
}
`;
    const r = await analyze(service, mainGo(src, { inline: false }));
    expect(find(r, 'moved-to-heap', 'n')[0]?.line).toBe(lineOf(src, 'n := 0'));
    expect(
      r.decisions.some((d) => d.kind === 'escapes-to-heap' && d.subject.startsWith('func literal')),
    ).toBe(true);
  });

  it('passing a value to fmt.Println converts it to an interface that escapes', async () => {
    const src = `package main

import (
	"fmt"
	"os"
)

func main() {
	x := len(os.Args)
	fmt.Println(x)
}
`;
    const r = await analyze(service, mainGo(src));
    const conv = find(r, 'escapes-to-heap', 'x');
    expect(conv[0]?.line).toBe(lineOf(src, 'fmt.Println(x)'));
    // The boxed copy is spilled into the ... slice, which fmt hands on to {heap}.
    const steps = conv[0]?.explanation?.steps ?? [];
    expect(steps[0]?.src).toBe('{storage for x}');
    expect(steps.at(-1)?.dst).toBe('{heap}');
  });

  it('a small slice literal used locally stays on the stack', async () => {
    const src = `package main

func main() {
	s := []int{1, 2, 3}
	sum := 0
	for _, v := range s {
		sum += v
	}
	println(sum)
}
`;
    const r = await analyze(service, mainGo(src));
    expect(find(r, 'does-not-escape', '[]int{...}')[0]?.line).toBe(lineOf(src, '[]int{1, 2, 3}'));
    expect(
      r.decisions.filter((d) => d.kind === 'escapes-to-heap' || d.kind === 'moved-to-heap'),
    ).toEqual([]);
  });

  it('make with a large constant size escapes; with an unknown size it gets the hybrid stack buffer', async () => {
    const src = `package main

import "os"

func main() {
	big := make([]byte, 1<<20)
	n := len(os.Args)
	small := make([]int, n)
	println(len(big), len(small))
}
`;
    const r = await analyze(service, mainGo(src, { escapeDetail: 1 }));
    const at = (needle: string) =>
      r.decisions.filter((d) => d.line === lineOf(src, needle) && d.subject.startsWith('make('));
    expect(at('1<<20').map((d) => d.kind)).toEqual(['escapes-to-heap']);
    // Go >= 1.25 keeps a non-constant make on the stack when it fits 32 bytes (fact-check).
    expect(at('make([]int, n)').map((d) => `${d.kind} ${d.subject}`)).toEqual([
      'does-not-escape make([]int, n)',
    ]);
  });

  it('-l changes the result for an inlinable constructor (fact check a)', async () => {
    const src = `package main

type T struct{ a, b int }

func newT() *T { return &T{1, 2} }

func main() {
	p := newT()
	println(p.a)
}
`;
    const inlined = await analyze(service, mainGo(src));
    const noInline = await analyze(service, mainGo(src, { inline: false }));
    const callLine = lineOf(src, 'p := newT()');
    const atCall = (r: AnalyzeResponse) =>
      r.decisions.filter((d) => d.line === callLine).map((d) => `${d.kind} ${d.subject}`);
    // Inlined into main, the allocation no longer leaves its frame; with -l it is only in newT.
    expect(atCall(inlined)).toEqual(['inlining-call newT', 'does-not-escape &T{...}']);
    expect(atCall(noInline)).toEqual([]);
    expect(find(noInline, 'escapes-to-heap', '&T{...}')[0]?.function).toBe('newT');
  });

  it('the direct compile gives the same decisions as go build -gcflags=-m=2', async () => {
    const src = fs.readFileSync(path.join(import.meta.dirname, 'testdata', 'sample.go'), 'utf8');
    const r = await analyze(service, mainGo(src));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-equiv-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.go'), src);
      fs.writeFileSync(path.join(dir, 'go.mod'), 'module example\n\ngo 1.26\n');
      execFileSync('cp', [
        '-al',
        path.join(STATE_DIR, 'toolchains', r.toolchain.version, 'cache'),
        path.join(dir, 'cache'),
      ]);
      const goroot = execFileSync('/usr/local/go/bin/go', ['env', 'GOROOT'], {
        encoding: 'utf8',
      }).trim();
      const build = spawnSync(
        `${goroot}/bin/go`,
        ['build', '-gcflags=-m=2', '-o', '/dev/null', '.'],
        {
          cwd: dir,
          env: {
            PATH: '/usr/bin:/bin',
            HOME: dir,
            GOCACHE: path.join(dir, 'cache'),
            GOROOT: goroot,
            CGO_ENABLED: '0',
            GOTOOLCHAIN: 'local',
            GOFLAGS: '-buildvcs=false',
            GOPROXY: 'off',
            GOENV: 'off',
          },
          encoding: 'utf8',
        },
      );
      expect(build.status).toBe(0);
      // The service shows GOROOT as $GOROOT (no host paths in responses).
      const goBuildText = build.stderr.replaceAll(`${goroot}/`, '$GOROOT/');
      const viaGoBuild = parseCompilerOutput(goBuildText, new Map([['main.go', src]]), {
        failed: false,
      });
      const key = (d: {
        line: number;
        column?: number | undefined;
        kind: string;
        message: string;
      }) => `${d.line}:${d.column ?? 0} ${d.kind} ${d.message}`;
      expect(viaGoBuild.decisions.length).toBeGreaterThan(10);
      expect(r.decisions.map(key).sort()).toEqual(viaGoBuild.decisions.map(key).sort());
      // The raw text agrees too, once go build's ./ prefixes and header are gone.
      const normalize = (t: string) =>
        t
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'))
          .map((l) => l.replace(/^\.\//, '').replaceAll(' ./', ' '))
          .sort();
      expect(normalize(r.compilerOutput.text)).toEqual(normalize(goBuildText));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a compile error is ok:false with its position, and no temp path appears', async () => {
    const src = `package main

func main() {
	x := 1
}
`;
    const r = await analyze(service, mainGo(src));
    expect(r.ok).toBe(false);
    expect(r.compileErrors[0]).toMatchObject({ file: 'main.go', line: 4, column: 2 });
    expect(r.compileErrors[0]?.message).toContain('declared and not used');
    const text = JSON.stringify(r);
    expect(text).not.toContain(STATE_DIR);
    expect(text).not.toContain('/job/');
  });

  it('a non-standard import is a user error naming the import', async () => {
    const src = `package main

import (
	"fmt"
	"github.com/google/uuid"
)

func main() { fmt.Println(uuid.New()) }
`;
    const r = await analyze(service, mainGo(src));
    expect(r.ok).toBe(false);
    expect(r.compileErrors[0]).toMatchObject({
      line: 5,
      message: 'only the standard library is available here: github.com/google/uuid',
    });
  });

  it('a non-main package builds with its own name', async () => {
    const src = `package shapes

type Point struct{ X, Y int }

func New(x, y int) *Point { return &Point{x, y} }
`;
    const r = await analyze(service, { files: [{ name: 'shapes.go', content: src }] });
    expect(r.ok).toBe(true);
    expect(
      r.decisions.some((d) => d.kind === 'escapes-to-heap' && d.subject === '&Point{...}'),
    ).toBe(true);
  });
});
