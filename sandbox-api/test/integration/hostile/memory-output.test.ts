import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { runMain, useHostileService } from '../../support/hostile-service.ts';

const UID = 10071;
const OOM_REASON =
  'The program was killed because it used more than 128 MiB of memory (the limit here).';
let service: Service;

useHostileService(UID, (s) => (service = s));

describe('hostile programs: memory', () => {
  it('a goroutine bomb is an out-of-memory kill, not a hang', async () => {
    const r = await runMain(
      service,
      `package main

import "time"

func main() {
	for {
		go func() { time.Sleep(time.Hour) }()
	}
}
`,
    );
    expect(r.run).toMatchObject({ outOfMemory: true, exitCode: 137, timedOut: false });
    expect(r.run?.killedReason).toBe(OOM_REASON);
  });

  it('a 1 GiB MAP_POPULATE mapping is an out-of-memory kill', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"syscall"
)

func main() {
	b, err := syscall.Mmap(-1, 0, 1<<30, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	fmt.Println("mapped:", len(b), err)
}
`,
    );
    expect(r.run?.stdout.text).not.toContain('mapped: 1073741824');
    expect(r.run).toMatchObject({ outOfMemory: true, exitCode: 137 });
    expect(r.run?.killedReason).toBe(OOM_REASON);
  });

  it('GOGC=off with an ever-growing live heap is killed at the limit before any GC cycle', async () => {
    const r = await runMain(
      service,
      `package main

var keep [][]byte

func main() {
	for {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1
		}
		keep = append(keep, b)
	}
}
`,
      { env: { GOGC: 'off' } },
    );
    expect(r.run).toMatchObject({ outOfMemory: true });
    expect(r.run?.killedReason).toBe(OOM_REASON);
    // GOGC=off: no collections were traced before the kill.
    expect(r.gc?.cycles ?? []).toEqual([]);
  });
});

describe('hostile programs: output', () => {
  it('100 MiB to stderr is cut at the cap and the program stopped', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"bytes"
	"os"
)

func main() {
	line := append(bytes.Repeat([]byte("e"), 1023), '\\n')
	for i := 0; i < 100*1024; i++ {
		os.Stderr.Write(line)
	}
}
`,
    );
    expect(r.run?.stderr.truncated).toBe(true);
    expect(r.run?.stderr.text.length).toBeLessThanOrEqual(1024 * 1024);
    expect(r.run?.killedReason).toBe(
      'The program was stopped because it wrote too much to stderr; the output shown is cut there.',
    );
    expect(r.run?.wallMs).toBeLessThan(2_000);
  });

  it('a GC-trace storm (GOGC=1, tiny allocations) is bounded like any other stderr', async () => {
    const r = await runMain(
      service,
      `package main

var sink []byte

func main() {
	for {
		sink = make([]byte, 64<<10)
	}
}
`,
      { env: { GOGC: '1' } },
    );
    // Stopped by the stderr cap or by the clock, whichever comes first; either way bounded.
    expect(r.run?.stderr.truncated === true || r.run?.timedOut === true).toBe(true);
    expect(r.run?.killedReason).toMatch(/too much to stderr|stopped after 2 s/);
    expect(r.gc?.cycles.length).toBeGreaterThan(10);
  });

  it('one endless line without a newline is cut at 1 MiB', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"bytes"
	"os"
)

func main() {
	chunk := bytes.Repeat([]byte("y"), 64<<10)
	for {
		os.Stdout.Write(chunk)
	}
}
`,
    );
    expect(r.run?.stdout).toMatchObject({ truncated: true });
    expect(r.run?.stdout.text).toBe('y'.repeat(1024 * 1024));
    expect(r.run?.killedReason).toMatch(/more than 1 MiB to stdout/);
  });

  it('NUL bytes, invalid UTF-8 and terminal escapes come back as valid JSON text', async () => {
    const r = await runMain(
      service,
      `package main

import "os"

func main() {
	os.Stdout.Write([]byte("a\\x00b\\xff\\xfe\\x1b[31mred\\x1b[0m \\u202e\\xc3\\n"))
	os.Stderr.Write([]byte("\\x00\\xff\\n"))
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0 });
    // Invalid bytes become U+FFFD; NUL and ESC survive as characters the UI must escape.
    expect(r.run?.stdout.text).toBe('a\u0000b\ufffd\ufffd\u001b[31mred\u001b[0m \u202e\ufffd\n');
    expect(r.run?.stderr.text).toBe('\u0000\ufffd\n');
    expect((): unknown => JSON.parse(JSON.stringify(r))).not.toThrow();
  });
});
