/**
 * GOEXPERIMENT=nogreenteagc: the same program compiled and linked against a standard library
 * built with the experiment (its own warm cache) reports a different runtime, lays out its spans
 * as the pre-Green-Tea collector needs, and GC still runs.
 * The first run of this file warms the experiment's standard library (about 30 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWarmOnDisk, warmDir } from '../../src/toolchain/warm.ts';
import type { Service } from '../../src/service.ts';
import { analyze, mainGo, STATE_DIR, startService } from './harness.ts';

const LONG = 600_000;
let service: Service;
beforeAll(async () => {
  service = await startService();
}, LONG);
afterAll(async () => {
  await service?.close();
});

// runtime.Version() carries the linker's experiment suffix (cmd/link/internal/ld/main.go
// appends "X:" + the GOEXPERIMENT string to runtime.buildVersion when it differs from the
// default), so the program itself tells which collector it was linked with.
const PROGRAM = `package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

var keepRaw []*[48]byte

type node struct {
	next *node
	pad  [6]int
}

var keep []*node

func main() {
	fmt.Println("runtime:", runtime.Version())
	// Green Tea reserves 128 bytes of each small-object span for inline mark bits
	// (runtime/mheap.go initSpan), so a one-page span of 48-byte pointer-free
	// objects holds 168 slots instead of 170: count the run of consecutive ones.
	addrs := make([]uintptr, 1000)
	for i := range addrs {
		o := new([48]byte)
		keepRaw = append(keepRaw, o)
		addrs[i] = uintptr(unsafe.Pointer(o))
	}
	best, run := 1, 1
	for i := 1; i < len(addrs); i++ {
		if addrs[i] == addrs[i-1]+48 {
			run++
			best = max(best, run)
		} else {
			run = 1
		}
	}
	fmt.Println("slots per span:", best)
	for range 100 {
		var head *node
		for range 20000 {
			head = &node{next: head}
		}
		keep = append(keep, head)
		if len(keep) > 8 {
			keep = keep[1:]
		}
	}
	fmt.Println("kept:", len(keep))
}
`;

describe('GOEXPERIMENT=nogreenteagc', () => {
  it(
    'builds the same program against a different runtime, and both collect',
    { timeout: LONG },
    async () => {
      const greenTea = await analyze(service, mainGo(PROGRAM, { mode: 'run' }));
      const classic = await analyze(
        service,
        mainGo(PROGRAM, { mode: 'run', env: { GOEXPERIMENT: 'nogreenteagc' } }),
      );
      const version = greenTea.toolchain.version;
      expect(greenTea.run?.exitCode).toBe(0);
      expect(classic.run?.exitCode).toBe(0);
      expect(greenTea.run?.stdout.text).toContain(`runtime: ${version}\n`);
      expect(greenTea.run?.stdout.text).not.toContain('nogreenteagc');
      expect(classic.run?.stdout.text).toMatch(
        new RegExp(`runtime: ${version.replace(/\./g, '\\.')}[- ]X:nogreenteagc\\n`),
      );
      // The behavioural difference: the span layout the collector needs.
      expect(greenTea.run?.stdout.text).toContain('slots per span: 168\n');
      expect(classic.run?.stdout.text).toContain('slots per span: 170\n');
      expect(greenTea.gc?.summary.cycles).toBeGreaterThan(0);
      expect(classic.gc?.summary.cycles).toBeGreaterThan(0);
      expect(classic.request.env.GOEXPERIMENT).toBe('nogreenteagc');
      // Its own warm standard library, next to (not instead of) the default one.
      expect(isWarmOnDisk(version, STATE_DIR, 'nogreenteagc')).toBe(true);
      expect(isWarmOnDisk(version, STATE_DIR)).toBe(true);
      expect(warmDir(STATE_DIR, version, 'nogreenteagc')).not.toBe(warmDir(STATE_DIR, version));
    },
  );

  it('applies to bench mode too', { timeout: LONG }, async () => {
    const r = await analyze(service, {
      files: [
        { name: 'main.go', content: PROGRAM },
        {
          name: 'main_test.go',
          content: `package main

import (
	"runtime"
	"strings"
	"testing"
)

func BenchmarkVersion(b *testing.B) {
	if !strings.Contains(runtime.Version(), "X:nogreenteagc") {
		b.Fatalf("runtime %s was not built with nogreenteagc", runtime.Version())
	}
	for b.Loop() {
		keep = append(keep[:0], &node{})
	}
}
`,
        },
      ],
      mode: 'bench',
      env: { GOEXPERIMENT: 'nogreenteagc' },
    });
    expect(r.bench?.passed, JSON.stringify(r.bench ?? r.compilerOutput)).toBe(true);
    expect(r.bench?.results.map((b) => b.name.replace(/-\d+$/, ''))).toEqual(['BenchmarkVersion']);
  });
});
