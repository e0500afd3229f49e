import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnalyzeRequestSchema } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { STATE_DIR, analyze, mainGo, startService } from './harness.ts';

const SECRET = `gml-test-secret-${process.pid}`;
const SECRET_FILE = path.join(STATE_DIR, `root-only-${process.pid}.txt`);
let service: Service;

beforeAll(async () => {
  // The sandbox must not see the service's environment, even through bwrap's PID 1.
  process.env['GML_FAKE_TOKEN'] = SECRET;
  fs.writeFileSync(SECRET_FILE, SECRET, { mode: 0o600 });
  service = await startService({ runWallMs: 2_000, compileWallMs: 3_000 });
});
afterAll(async () => {
  await service.close();
  fs.rmSync(SECRET_FILE, { force: true });
  delete process.env['GML_FAKE_TOKEN'];
});

/** Job cgroups and job dirs this process created and did not remove. */
function leftovers(): string[] {
  const out: string[] = [];
  for (const c of ['memory', 'pids', 'cpu', 'cpuacct']) {
    const root = path.join('/sys/fs/cgroup', c);
    for (const parent of fs.readdirSync(root).filter((n) => n.startsWith(`gml-${process.pid}-`))) {
      for (const j of fs.readdirSync(path.join(root, parent)).filter((n) => n.startsWith('job-')))
        out.push(`${c}/${parent}/${j}`);
    }
  }
  const jobs = path.join(STATE_DIR, 'jobs');
  for (const d of fs.readdirSync(jobs).filter((n) => n.startsWith(`job-${process.pid}-`)))
    out.push(`jobs/${d}`);
  return out;
}

afterEach(() => {
  expect(service.health().status).toBe('ok');
  expect(service.health().sandbox).toMatchObject({ mode: 'bubblewrap', cgroups: true });
  expect(leftovers()).toEqual([]);
});

const run = (src: string) => analyze(service, mainGo(src, { mode: 'run' }));

describe('containment', () => {
  it('has no network', async () => {
    const r = await run(`package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	for _, addr := range []string{"1.1.1.1:80", "127.0.0.1:22", "169.254.169.254:80"} {
		_, err := net.DialTimeout("tcp", addr, time.Second)
		fmt.Println(addr, err != nil, err)
	}
}
`);
    const lines = r.run?.stdout.text.trim().split('\n') ?? [];
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/ true .*(unreachable|refused)/);
  });

  it('cannot read a root-only file, the host filesystem or the service environment', async () => {
    const r = await run(`package main

import (
	"fmt"
	"os"
)

func main() {
	for _, f := range []string{${JSON.stringify(SECRET_FILE)}, "/etc/shadow", "/proc/1/environ", "/proc/self/environ", "/proc/1/cmdline"} {
		b, err := os.ReadFile(f)
		fmt.Printf("%s err=%v %q\\n", f, err, b)
	}
	s, _ := os.ReadFile("/proc/self/status")
	fmt.Println(string(s))
}
`);
    const out = r.run?.stdout.text ?? '';
    // Paths under the state dir are shown as $STATE/ (no host paths in responses).
    expect(out).toContain(`$STATE/${path.basename(SECRET_FILE)} err=open`);
    expect(out).toContain('/etc/shadow err=open');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('GML_FAKE_TOKEN');
    expect(out).toMatch(/^Uid:\s+10001\s/m);
    expect(out).toMatch(/^CapEff:\s+0+$/m);
    expect(out).toMatch(/^NoNewPrivs:\s+1$/m);
  });

  it('stops an infinite loop at the wall-clock limit', async () => {
    const r = await run('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
    expect(r.run?.timedOut).toBe(true);
    expect(r.run?.killedReason).toMatch(/stopped after 2 s/);
    expect(r.run?.wallMs).toBeLessThan(4_000);
  });

  it('kills a 10 GiB allocation as out of memory', async () => {
    const r = await run(`package main

func main() {
	b := make([]byte, 10<<30)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	println(len(b))
}
`);
    expect(r.run).toMatchObject({ outOfMemory: true, exitCode: 137 });
    expect(r.run?.killedReason).toMatch(/more than 256 MiB of memory/);
  });

  it('truncates 100 MiB of stdout and stops the program', async () => {
    const r = await run(`package main

import (
	"bytes"
	"os"
)

func main() {
	line := append(bytes.Repeat([]byte("x"), 1023), '\\n')
	for i := 0; i < 100*1024; i++ {
		os.Stdout.Write(line)
	}
}
`);
    expect(r.run?.stdout.truncated).toBe(true);
    expect(r.run?.stdout.text.length).toBe(1024 * 1024);
    expect(r.run?.killedReason).toMatch(/more than 1 MiB to stdout/);
  });

  it('contains a fork bomb', async () => {
    const r = await run(`package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	started, failed := 0, 0
	var lastErr error
	for i := 0; i < 500; i++ {
		_, err := syscall.ForkExec("/proc/self/exe", []string{os.Args[0]}, &syscall.ProcAttr{})
		if err != nil {
			failed++
			lastErr = err
		} else {
			started++
		}
	}
	fmt.Println(started, failed, lastErr)
}
`);
    // Children re-run the bomb, so the first generation is cut off by the pids limit or the clock.
    const contained =
      r.run?.timedOut === true || /resource temporarily unavailable/.test(r.run?.stdout.text ?? '');
    expect(contained).toBe(true);
  });

  it('contains a thread bomb', async () => {
    const r = await run(`package main

import (
	"runtime"
	"syscall"
	"time"
)

func main() {
	for i := 0; i < 10000; i++ {
		go func() {
			runtime.LockOSThread()
			ts := syscall.Timespec{Sec: 60}
			syscall.Nanosleep(&ts, nil)
		}()
	}
	time.Sleep(10 * time.Second)
}
`);
    expect(r.run?.exitCode).not.toBe(0);
    expect(r.run?.stderr.text + (r.run?.killedReason ?? '')).toMatch(
      /failed to create new OS thread|processes or threads/,
    );
  });

  it('cancels a running job when its only client goes away', async () => {
    const client = new AbortController();
    setTimeout(() => client.abort(), 700);
    const started = Date.now();
    const req = AnalyzeRequestSchema.parse(
      mainGo('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n// cancel\n', { mode: 'run' }),
    );
    // Its own code: a client hanging up is not the service being `unavailable`.
    await expect(service.analyze(req, { signal: client.signal })).rejects.toMatchObject({
      status: 499,
      body: { code: 'cancelled' },
    });
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it('kills the generic-interface compile hang at the compile limit', async () => {
    const started = Date.now();
    const r = await analyze(
      service,
      mainGo(`package main

type I[T any] interface{ M() interface{ I[*T] } }

func main() {
	var _ I[int]
}
`),
    );
    expect(r.ok).toBe(false);
    expect(r.compileErrors[0]?.message).toMatch(/compiler was stopped after 3 s/);
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
