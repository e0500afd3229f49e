/** Toolchains, and the run and bench modes, through the service on the real toolchain. */
import { describe, expect, it } from 'vitest';
import { discoverToolchains } from '../../src/toolchain/discover.ts';
import { locateGo } from '../../src/toolchain/locate-go.ts';
import type { Service } from '../../src/service.ts';
import { analyze, mainGo } from './harness.ts';
import { useService } from './use-service.ts';
import { RETURN_ADDR, find } from './analyze-fixtures.ts';

let service: Service;
useService((s) => (service = s));

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
