import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { runMain, useHostileService } from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10071;
let service: Service;

useHostileService(UID, (s) => (service = s));

describe('hostile programs: privileges and namespaces', () => {
  it('runs unprivileged: no capabilities, no new privileges, no way back to root', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

func main() {
	fmt.Println("mount:", syscall.Mount("tmpfs", "/tmp", "tmpfs", 0, ""))
	fmt.Println("remount:", syscall.Mount("", "/", "", syscall.MS_REMOUNT, ""))
	fmt.Println("chroot:", syscall.Chroot("/tmp"))
	fmt.Println("setuid:", syscall.Setuid(0))
	fmt.Println("userns:", syscall.Unshare(syscall.CLONE_NEWUSER))
	fmt.Println("netns:", syscall.Unshare(syscall.CLONE_NEWNET))
	fmt.Println("hostname:", syscall.Sethostname([]byte("pwned")))
	fmt.Println("mknod:", syscall.Mknod("/tmp/sda", syscall.S_IFBLK|0o600, 8<<8))
	fmt.Println("chown:", os.Chown("/tmp", 0, 0))
	status, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(status), "\\n") {
		for _, k := range []string{"Uid", "Gid", "Groups", "CapEff", "CapPrm", "CapBnd", "CapAmb", "NoNewPrivs"} {
			if strings.HasPrefix(l, k+":") {
				fmt.Println(k+":", strings.Join(strings.Fields(l)[1:], " "))
			}
		}
	}
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    const rep = reportLines(r.run?.stdout.text);
    for (const k of ['mount', 'remount', 'chroot', 'netns', 'hostname', 'mknod'])
      expect(resultOf(rep, k), k).toBe('operation not permitted');
    // uid 0 is not mapped in the sandbox's user namespace; nested user namespaces are disabled.
    expect(resultOf(rep, 'setuid')).toMatch(/invalid argument|operation not permitted/);
    expect(resultOf(rep, 'userns')).toMatch(/invalid argument|operation not permitted/);
    expect(resultOf(rep, 'chown')).toMatch(/invalid argument$|operation not permitted$/);
    // Inside, the uid reads as itself (mapped 1:1); on the host it is the unprivileged UID.
    expect(resultOf(rep, 'Uid')).toBe(`${UID} ${UID} ${UID} ${UID}`);
    expect(resultOf(rep, 'Gid')).toBe(`${UID} ${UID} ${UID} ${UID}`);
    expect(rep.get('Groups') ?? '').toBe('');
    for (const k of ['CapEff', 'CapPrm', 'CapBnd', 'CapAmb'])
      expect(resultOf(rep, k), k).toBe('0000000000000000');
    expect(resultOf(rep, 'NoNewPrivs')).toBe('1');
  });

  it("cannot see or signal the host's processes, even one of its own uid", async () => {
    // A canary outside the sandbox, running as the sandbox uid: same uid, different pid namespace.
    const canary: ChildProcess = spawn('/bin/sleep', ['60'], {
      uid: UID,
      gid: UID,
      stdio: 'ignore',
    });
    try {
      const r = await runMain(
        service,
        `package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	ents, _ := os.ReadDir("/proc")
	pids := 0
	for _, e := range ents {
		if e.Name()[0] >= '0' && e.Name()[0] <= '9' {
			pids++
		}
	}
	fmt.Println("visible:", pids)
	fmt.Println("canary:", syscall.Kill(${canary.pid}, syscall.SIGKILL))
	fmt.Println("host-init:", syscall.Kill(${process.pid}, syscall.SIGKILL))
	fmt.Println("everyone:", syscall.Kill(-1, syscall.SIGKILL))
}
`,
      );
      const rep = reportLines(r.run?.stdout.text);
      // bwrap's init and the program itself.
      expect(Number(resultOf(rep, 'visible'))).toBeLessThanOrEqual(2);
      expect(resultOf(rep, 'canary')).toBe('no such process');
      expect(resultOf(rep, 'host-init')).toBe('no such process');
      // kill(-1) spares the caller and pid 1 (bwrap's init): in this namespace nobody is left.
      expect(resultOf(rep, 'everyone')).toBe('no such process');
      expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
      expect(canary.exitCode).toBeNull();
      expect(canary.signalCode).toBeNull();
      expect(() => process.kill(canary.pid!, 0)).not.toThrow();
    } finally {
      canary.kill('SIGKILL');
      await new Promise((r) => canary.once('exit', r));
    }
  });

  it('cannot turn kernel knobs: sysrq, sysctl, its own OOM score, kernel memory', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	for i, f := range []string{"/proc/sysrq-trigger", "/proc/sys/vm/drop_caches", "/proc/sys/kernel/core_pattern", "/proc/self/oom_score_adj"} {
		val := "1"
		if i == 3 {
			val = "-1000"
		}
		fmt.Printf("k%d: %v\\n", i, os.WriteFile(f, []byte(val), 0))
	}
	for i, f := range []string{"/proc/kcore", "/dev/mem", "/dev/kmsg"} {
		b, err := os.ReadFile(f)
		fmt.Printf("r%d: %d %v\\n", i, len(b), err)
	}
	syms, _ := os.ReadFile("/proc/kallsyms")
	leaked := 0
	for _, l := range strings.Split(string(syms), "\\n") {
		if l != "" && !strings.HasPrefix(l, "0000000000000000 ") {
			leaked++
		}
	}
	fmt.Println("kallsyms-addresses:", leaked)
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    const rep = reportLines(r.run?.stdout.text);
    for (let i = 0; i < 4; i++)
      expect(resultOf(rep, `k${i}`), `k${i}`).toMatch(
        /(read-only file system|permission denied|operation not permitted|no such file or directory)$/,
      );
    // Absent or refused.
    for (let i = 0; i < 3; i++)
      expect(resultOf(rep, `r${i}`), `r${i}`).toMatch(
        /^0 .*(no such file or directory|permission denied|operation not permitted)$/,
      );
    // kallsyms is readable, but without a capability every address reads as zero (KASLR kept).
    expect(resultOf(rep, 'kallsyms-addresses')).toBe('0');
  });

  it('has no shell or other binaries to exec', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os/exec"
)

func main() {
	for i, p := range []string{"/bin/sh", "/bin/bash", "/usr/bin/env", "/usr/bin/python3", "/usr/local/go/bin/go", "/usr/bin/bwrap"} {
		fmt.Printf("x%d: %v\\n", i, exec.Command(p, "-c", "true").Run())
	}
}
`,
    );
    const rep = reportLines(r.run?.stdout.text);
    for (let i = 0; i < 6; i++)
      expect(resultOf(rep, `x${i}`)).toMatch(/no such file or directory$/);
  });

  it('ptrace of the sandbox init gains nothing and the job still ends at the wall clock', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

func main() {
	status, _ := os.ReadFile("/proc/1/status")
	for _, l := range strings.Split(string(status), "\\n") {
		if strings.HasPrefix(l, "CapEff:") {
			fmt.Println("init-caps:", strings.Fields(l)[1])
		}
	}
	// Stopping bwrap's init would keep the job alive after main returns: the clock must still win.
	fmt.Println("attach:", syscall.PtraceAttach(1))
}
`,
    );
    const rep = reportLines(r.run?.stdout.text);
    expect(resultOf(rep, 'init-caps')).toBe('0000000000000000');
    if (resultOf(rep, 'attach') === '<nil>') {
      expect(r.run?.timedOut).toBe(true);
      expect(r.run?.killedReason).toMatch(/stopped after 2 s/);
    }
    expect(r.run?.wallMs).toBeLessThan(3_500);
  });

  it('cannot reach kernel interfaces outside the seccomp allowance (io_uring, perf, bpf, keyrings…)', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"syscall"
)

func try(name string, nr uintptr) {
	_, _, errno := syscall.RawSyscall6(nr, 0, 0, 0, 0, 0, 0)
	fmt.Println(name+":", errno.Error())
}

func main() {
	try("io_uring_setup", 425)
	try("perf_event_open", 298)
	try("bpf", 321)
	try("userfaultfd", 323)
	try("keyctl", 250)
	try("add_key", 248)
	try("process_vm_readv", 310)
	try("open_by_handle_at", 304)
	try("fsopen", 430)
	// An ordinary call still works: the filter denies a list, it does not allow one.
	pid, _, errno := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
	fmt.Println("getpid:", pid > 0, errno == 0)
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    const rep = reportLines(r.run?.stdout.text);
    for (const name of [
      'io_uring_setup',
      'perf_event_open',
      'bpf',
      'userfaultfd',
      'keyctl',
      'add_key',
      'process_vm_readv',
      'open_by_handle_at',
      'fsopen',
    ])
      expect(resultOf(rep, name), name).toBe('operation not permitted');
    expect(resultOf(rep, 'getpid')).toBe('true true');
  });
});
