import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { analyzeChecked, runMain, useHostileService } from '../../support/hostile-service.ts';

const UID = 10071;
let service: Service;

useHostileService(UID, (s) => (service = s));

const build = (content: string) =>
  analyzeChecked(service, { files: [{ name: 'main.go', content }], mode: 'build' });

describe('hostile programs: compile-time bombs', () => {
  it('the recursive generic interface hang (golang/go#78341, []T variant) is killed at the compile limit, in run mode too', async () => {
    const started = Date.now();
    const r = await runMain(
      service,
      `package main

type I[T any] interface{ M() interface{ I[[]T] } }

func main() {
	var x I[string]
	println(x == nil)
}
`,
    );
    expect(r.ok).toBe(false);
    // Never got as far as linking or running.
    expect(r.run).toBeUndefined();
    expect(r.compileErrors).toEqual([
      {
        file: 'main.go',
        line: 0,
        message:
          'The compiler was stopped after 4 s: that is the wall-clock limit here (an endless loop or a long sleep?).',
      },
    ]);
    expect(Date.now() - started).toBeLessThan(7_000);
  });

  it('a killed compile is not cached: the same hang costs the full limit again', async () => {
    const src = `package main

type J[T any] interface{ M() interface{ J[*T] } }

func main() { var _ J[int] }
`;
    const first = await build(src);
    const again = await build(src);
    expect(first.compileErrors[0]?.message).toMatch(/stopped after 4 s/);
    expect(again.cached).toBe(false);
    expect(again.compileErrors[0]?.message).toMatch(/stopped after 4 s/);
  });

  it('mutually recursive and non-monomorphisable generics are rejected fast', async () => {
    const mutual = await build(`package main

type A[T any] interface{ M() B[*T] }
type B[T any] interface{ N() A[[]T] }

func main() { var _ A[int] }
`);
    const boxes = await build(`package main

type Box[A any] struct{ v A }

func Nest[A any](b Box[A], n int) int {
	if n == 0 {
		return 0
	}
	return Nest(Box[Box[A]]{b}, n-1)
}

func main() { Nest(Box[int]{}, 3) }
`);
    for (const r of [mutual, boxes]) {
      expect(r.ok).toBe(false);
      expect(r.compileErrors[0]?.message).toMatch(/^instantiation cycle/);
      expect(r.timing.compileMs).toBeLessThan(2_000);
    }
  });

  it('impossible sizes are compile errors, not allocations', async () => {
    const shift = await build('package main\n\nconst c = 1 << 100000\n\nfunc main() { _ = c }\n');
    expect(shift.compileErrors[0]?.message).toMatch(/invalid shift count 100000/);
    const huge = await build(
      'package main\n\nvar a [1 << 34]byte\n\nfunc main() { a[1] = 1; println(a[1]) }\n',
    );
    expect(huge.ok).toBe(false);
    expect(huge.compileErrors[0]?.message).toMatch(/too large/);
  });

  it('30,000 nested parentheses just under the size cap compile within the limits', async () => {
    const src = `package main\n\nvar x = ${'('.repeat(30_000)}1${')'.repeat(30_000)}\n\nfunc main() { println(x) }\n`;
    expect(src.length).toBeLessThan(64 * 1024);
    const r = await build(src);
    expect(r.ok).toBe(true);
  });

  it('-m=2 output beyond the compiler-text cap stops the compiler and says so', async () => {
    const fns = Array.from(
      { length: 1000 },
      (_, i) => `func f${i}(p *int) *int { q := new(int); *q = *p; return q }`,
    ).join('\n');
    const r = await build(`package main\n\n${fns}\n\nfunc main() {}\n`);
    expect(r.ok).toBe(false);
    expect(r.compilerOutput.truncated).toBe(true);
    expect(r.compilerOutput.text.length).toBeLessThanOrEqual(2 * 256 * 1024);
    expect(r.compileErrors[0]?.message).toMatch(/compiler was stopped because it wrote more than/);
  });
});

describe('hostile programs: reaching outside through the build', () => {
  it('//go:embed of host files gets no embed configuration', async () => {
    const r = await build(`package main

import _ "embed"

//go:embed /etc/passwd
var s string

func main() { println(s) }
`);
    expect(r.ok).toBe(false);
    expect(r.compileErrors[0]?.message).toMatch(/go:embed/);
    expect(JSON.stringify(r)).not.toContain('root:x:0:0');
  });

  it('cgo, modules from the network and internal packages are refused before the compiler', async () => {
    const r = await build(`package main

// #cgo LDFLAGS: -Wl,--version
import "C"

import (
	_ "github.com/google/uuid"
	_ "internal/bytealg"
)

func main() {}
`);
    expect(r.ok).toBe(false);
    expect(r.compileErrors.map((e) => e.message)).toEqual([
      'cgo is not available here (import "C")',
      'only the standard library is available here: github.com/google/uuid',
      'use of internal package internal/bytealg not allowed',
    ]);
    // Refused by the service itself: the compiler never ran.
    expect(r.compilerOutput.text).toBe('');
  });

  it('a go.mod, a go.work or a toolchain line cannot be sent at all', async () => {
    for (const name of ['go.mod', 'go.work', 'go.sum']) {
      await expect(
        service.analyze({
          files: [
            { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
            { name, content: 'module x\n\ngo 1.99\n\ntoolchain go1.99.1\nreplace x => /etc\n' },
          ],
          mode: 'build',
          escapeDetail: 1,
          inline: true,
          env: {},
        }),
      ).rejects.toMatchObject({ status: 400 });
    }
    await expect(
      service.analyze({
        txtar:
          '-- main.go --\npackage main\n\nfunc main() {}\n-- go.mod --\nmodule x\nreplace x => /etc\n',
        mode: 'build',
        escapeDetail: 1,
        inline: true,
        env: {},
      }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'bad_file_name' } });
  });
});
