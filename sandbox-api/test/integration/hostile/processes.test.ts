import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { runMain, useHostileService } from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10071;
let service: Service;

useHostileService(UID, (s) => (service = s));

describe('hostile programs: processes that try to outlive or starve', () => {
  it('a setsid daemon dies with its job', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) > 1 {
		// The daemon: ignore hangups, keep spinning long after the parent is gone.
		for {
			time.Sleep(time.Millisecond)
		}
	}
	pid, err := syscall.ForkExec("/proc/self/exe", []string{"prog", "daemon"}, &syscall.ProcAttr{
		// It keeps stdout and stderr open: the service must not wait for those pipes to close.
		Files: []uintptr{0, 1, 2},
		Sys:   &syscall.SysProcAttr{Setsid: true},
	})
	fmt.Println("daemon:", pid > 0, err)
}
`,
    );
    expect(resultOf(reportLines(r.run?.stdout.text), 'daemon')).toBe('true <nil>');
    // main returned at once; the pid namespace dies with bwrap's init, so the daemon cannot
    // hold the job open, and afterEach finds no process of the sandbox uid.
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.run?.wallMs).toBeLessThan(1_500);
  });

  it('a parallel fork bomb stops at the pids limit and the job ends', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
	"sync"
	"syscall"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	failed := 0
	var last error
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				_, err := syscall.ForkExec("/proc/self/exe", []string{os.Args[0]}, &syscall.ProcAttr{})
				if err != nil {
					mu.Lock()
					failed++
					last = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("failed:", failed > 0, last)
}
`,
    );
    // Either the first generation saw EAGAIN from pids.max, or the clock stopped the bomb.
    const sawLimit = /^failed: true resource temporarily unavailable/m.test(
      r.run?.stdout.text ?? '',
    );
    expect(sawLimit || r.run?.timedOut === true).toBe(true);
    if (r.run?.timedOut) expect(r.run.killedReason).toMatch(/stopped after 2 s/);
  });

  it('a thread bomb meets the pids limit and the learner is told so', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"runtime"
	"syscall"
)

func main() {
	done := make(chan bool)
	for i := 0; i < 200; i++ {
		go func() {
			runtime.LockOSThread()
			ts := syscall.Timespec{Sec: 30}
			syscall.Nanosleep(&ts, nil)
			done <- true
		}()
	}
	<-done
}
`,
    );
    expect(r.run?.exitCode).not.toBe(0);
    expect(r.run?.stderr.text).toMatch(/failed to create new OS thread/);
    expect(r.run?.killedReason).toMatch(/more than 32 processes or threads/);
  });

  it('ignoring every catchable signal does not survive the wall clock', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"os/signal"
	"syscall"
	"time"
)

func main() {
	signal.Ignore(syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGPIPE, syscall.SIGXCPU, syscall.SIGUSR1)
	time.Sleep(time.Hour)
}
`,
    );
    // A sleeping program uses no CPU: only a wall-clock timer and SIGKILL can end it.
    expect(r.run).toMatchObject({ timedOut: true, signal: 'SIGKILL', outOfMemory: false });
    expect(r.run?.cpuMs).toBeLessThan(500);
    expect(r.run?.killedReason).toBe(
      'The program was stopped after 2 s: that is the wall-clock limit here (an endless loop or a long sleep?).',
    );
  });

  it('64 spinning goroutines get one core, then the clock', async () => {
    const r = await runMain(
      service,
      `package main

func main() {
	for i := 0; i < 64; i++ {
		go func() {
			for {
			}
		}()
	}
	select {}
}
`,
      { env: { GOMAXPROCS: '2' } },
    );
    expect(r.run).toMatchObject({ timedOut: true });
    // cfs quota of one core: CPU time cannot exceed wall time by more than scheduling slack,
    // though GOMAXPROCS=2 would burn two cores' worth without the cgroup.
    expect(r.run!.cpuMs).toBeLessThan(r.run!.wallMs * 1.2);
  });
});
