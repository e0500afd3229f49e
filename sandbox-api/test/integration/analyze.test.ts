import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseCompilerOutput } from '../../src/parse/index.ts';
import { discoverToolchains } from '../../src/toolchain/discover.ts';
import { locateGo } from '../../src/toolchain/locate-go.ts';
import { ApiErrorSchema, type AnalyzeResponse } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { STATE_DIR, analyze, lineOf, mainGo, startService } from './harness.ts';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

const find = (r: AnalyzeResponse, kind: string, subject: string) =>
  r.decisions.filter((d) => d.kind === kind && d.subject === subject);

const RETURN_ADDR = `package main

type T struct{ a, b int }

func newT() *T {
	t := T{1, 2}
	return &t
}

func main() {
	p := newT()
	println(p.a)
}
`;

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

describe('toolchains', () => {
  // A second toolchain exists only after `npm run toolchain:add go1.27.3` (network).
  const second = () =>
    service.toolchains().toolchains.find((t) => t.version !== service.toolchains().default);

  it('lists the local toolchain as default and ready', () => {
    const list = service.toolchains();
    expect(list.toolchains.find((t) => t.version === list.default)?.ready).toBe(true);
  });

  // Asked of the same discovery the service uses, so no module-cache path or platform is assumed.
  it.skipIf(discoverToolchains(locateGo()).length < 2)(
    'runs a module-cache toolchain in the sandbox when asked for it',
    { timeout: 240_000 },
    async () => {
      const version = second()?.version ?? 'missing';
      const r = await analyze(service, mainGo(RETURN_ADDR, { toolchain: version, mode: 'run' }));
      expect(r.toolchain.version).toBe(version);
      expect(r.ok).toBe(true);
      expect(find(r, 'moved-to-heap', 't')).toHaveLength(1);
      expect(r.run?.stdout.text).toBe('');
      expect(r.run?.stderr.text).toBe('1\n');
    },
  );
});

describe('run and bench modes', () => {
  it('run returns stdout and parsed GC cycles, with a forced cycle from runtime.GC', async () => {
    const src = `package main

import (
	"fmt"
	"runtime"
)

var sink []byte

func main() {
	for i := 0; i < 50; i++ {
		sink = make([]byte, 1<<20)
	}
	runtime.GC()
	fmt.Println("done")
}
`;
    const r = await analyze(
      service,
      mainGo(src, { mode: 'run', env: { GOGC: '50', GOMAXPROCS: '1' } }),
    );
    expect(r.ok).toBe(true);
    expect(r.run?.stdout.text).toBe('done\n');
    expect(r.run?.exitCode).toBe(0);
    expect(r.gc?.summary.cycles).toBeGreaterThan(1);
    expect(r.gc?.summary.forcedCycles).toBe(1);
    expect(r.gc?.cycles.every((c) => c.procs === 1)).toBe(true);
    expect(r.run?.stderr.text).not.toContain('gc 1 @');
    expect(r.timing.linkMs).toBeGreaterThan(0);
    expect(r.cached).toBe(false);
  });

  it('bench mode reports allocs/op per benchmark', async () => {
    const code = `package main

var sink []byte

func main() {}
`;
    const test = `package main

import "testing"

func BenchmarkAlloc(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = make([]byte, 64)
	}
}

func BenchmarkStack(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var a [64]byte
		_ = a
	}
}
`;
    const r = await analyze(service, {
      files: [
        { name: 'main.go', content: code },
        { name: 'main_test.go', content: test },
      ],
      mode: 'bench',
    });
    expect(r.ok).toBe(true);
    const by = new Map(r.bench?.results.map((b) => [b.name, b]));
    expect(by.get('BenchmarkAlloc')?.allocsPerOp).toBe(1);
    expect(by.get('BenchmarkAlloc')?.bytesPerOp).toBe(64);
    expect(by.get('BenchmarkStack')?.allocsPerOp).toBe(0);
    expect(r.bench?.passed).toBe(true);
  });

  it('bench mode honours inline:false, so -l shows its allocation cost', async () => {
    const code = `package main

type T struct{ a, b int }

func newT() *T { return &T{1, 2} }

func useT() int { t := newT(); return t.a + t.b }

func main() { _ = useT() }
`;
    const test = `package main

import "testing"

var sink int

func BenchmarkUseT(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = useT()
	}
}
`;
    const files = [
      { name: 'main.go', content: code },
      { name: 'main_test.go', content: test },
    ];
    const inlined = await analyze(service, { files, mode: 'bench' });
    const notInlined = await analyze(service, { files, mode: 'bench', inline: false });
    const allocs = (r: typeof inlined) =>
      r.bench?.results.find((b) => b.name === 'BenchmarkUseT')?.allocsPerOp;
    expect(allocs(inlined)).toBe(0);
    expect(allocs(notInlined)).toBe(1);
  });
});

describe('cache, txtar and the HTTP surface', () => {
  it('an identical build request is served from the cache', async () => {
    const req = mainGo(`${RETURN_ADDR}// cache probe ${Date.now()}\n`);
    const first = await analyze(service, req);
    const second = await analyze(service, req);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.decisions).toEqual(first.decisions);
    expect(service.health().cache.hits).toBeGreaterThan(0);
  });

  it('a run is served from the cache only to a request that accepts a reused run', async () => {
    const req = mainGo(`package main\n\nfunc main() { println("reuse probe ${Date.now()}") }\n`, {
      mode: 'run',
    });
    expect((await analyze(service, req)).cached).toBe(false);
    expect((await analyze(service, req)).cached).toBe(false);
    const first = await analyze(service, { ...req, reuse: true });
    const second = await analyze(service, { ...req, reuse: true });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.run?.stderr.text).toBe(first.run?.stderr.text);
    expect((await analyze(service, req)).cached).toBe(false);
  });

  it('txtar input splits into files of one package', async () => {
    const txtar = `package main

func main() { println(helper()) }
-- helper.go --
package main

func helper() *int { v := 7; return &v }
`;
    const r = await analyze(service, { txtar, inline: false });
    expect(r.request.files.map((f) => f.name)).toEqual(['main.go', 'helper.go']);
    expect(
      r.decisions.some(
        (d) => d.file === 'helper.go' && d.kind === 'moved-to-heap' && d.subject === 'v',
      ),
    ).toBe(true);
  });

  const app = () => createApp(service, { shareDbPath: path.join(STATE_DIR, 'test-share.sqlite') });
  const post = (body: string) =>
    app().request('/api/v1/analyze', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  it.each([
    ['malformed JSON', '{"files": [', 'invalid_json'],
    ['wrong types', JSON.stringify({ files: 'main.go' }), 'invalid_request'],
    [
      'traversal in a name',
      JSON.stringify({ files: [{ name: '../main.go', content: '' }] }),
      'bad_file_name',
    ],
    [
      'absolute name',
      JSON.stringify({ files: [{ name: '/etc/x.go', content: '' }] }),
      'bad_file_name',
    ],
    [
      'go.mod',
      JSON.stringify({ files: [{ name: 'go.mod', content: 'module x' }] }),
      'bad_file_name',
    ],
    [
      'txtar with go.mod',
      JSON.stringify({ txtar: '-- go.mod --\nmodule x\n-- main.go --\npackage main\n' }),
      'bad_file_name',
    ],
    [
      'too many files',
      JSON.stringify({
        files: Array.from({ length: 9 }, (_, i) => ({
          name: `f${i}.go`,
          content: 'package main\n',
        })),
      }),
      'too_many_files',
    ],
    [
      'unknown toolchain',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        toolchain: 'go1.2.3',
      }),
      'unknown_toolchain',
    ],
    [
      'oversized source',
      JSON.stringify({
        files: [{ name: 'main.go', content: `package main\n//${'x'.repeat(70 * 1024)}\n` }],
      }),
      'source_too_large',
    ],
    [
      'GOMAXPROCS above the cores',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        env: { GOMAXPROCS: '999' },
      }),
      'invalid_request',
    ],
    [
      'GODEBUG outside the allowlist',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        env: { GODEBUG: 'asyncpreemptoff=1' },
      }),
      'invalid_request',
    ],
  ])('%s → 400 %s', async (_what, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).code).toBe(code);
  });

  it('oversized body → 413 body_too_large', async () => {
    const res = await post(
      JSON.stringify({ files: [{ name: 'main.go', content: 'x'.repeat(300 * 1024) }] }),
    );
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(await res.json()).code).toBe('body_too_large');
  });

  it('answers health, toolchains, unknown API paths and share redirects', async () => {
    const health: unknown = await (await app().request('/api/v1/health')).json();
    expect(health).toMatchObject({ status: 'ok', sandbox: { mode: 'bubblewrap', cgroups: true } });
    const tcs = (await (await app().request('/api/v1/toolchains')).json()) as {
      default: string;
      toolchains: { ready: boolean }[];
    };
    expect(tcs.toolchains[0]?.ready).toBe(true);
    const missing = await app().request('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
    const redirect = await app().request('/s/abc123');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/play/?s=abc123');
  });
});
