import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { STATE_DIR } from '../harness.ts';
import { analyzeChecked, runMain, useHostileService } from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10071;
let service: Service;

useHostileService(UID, (s) => (service = s));

describe('hostile programs: filesystem', () => {
  it('sees none of the host: secrets, homes, sockets, cgroupfs, GOROOT, the state dir, a shell', async () => {
    const targets = [
      '/etc/shadow',
      '/etc/passwd',
      '/root/.ssh/id_rsa',
      '/home',
      '/var/run/docker.sock',
      '/run/systemd/notify',
      '/sys/fs/cgroup',
      '/proc/1/root/etc/passwd',
      '/usr/local/go/VERSION',
      `${STATE_DIR}/share.sqlite`,
      '/bin/sh',
      '/usr/bin/env',
    ];
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
)

func main() {
	for i, f := range []string{${targets.map((t) => JSON.stringify(t)).join(', ')}} {
		_, err := os.Stat(f)
		fmt.Printf("t%d: %v\\n", i, err)
	}
	ents, err := os.ReadDir("/")
	fmt.Print("root: ", err)
	for _, e := range ents {
		fmt.Print(" ", e.Name())
	}
	fmt.Println()
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false, outOfMemory: false });
    expect(r.run?.killedReason).toBeUndefined();
    const report = reportLines(r.run?.stdout.text);
    targets.forEach((t, i) => {
      expect(resultOf(report, `t${i}`), t).toMatch(/no such file or directory$/);
    });
    // The whole visible root: the job, /proc, /dev and a private /tmp. No /usr, /etc, /sys.
    expect(resultOf(report, 'root')).toBe('<nil> dev job proc tmp');
  });

  it('cannot write the root, the job dir, /proc, or past 16 MiB per file or 64 MiB in /tmp', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	for i, f := range []string{"/x", "/job/x", "/job/prog", "/job/main.go", "/proc/x"} {
		fmt.Printf("w%d: %v\\n", i, os.WriteFile(f, []byte("hi"), 0o644))
	}
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	f, _ := os.Create("/tmp/big")
	n := 0
	var err error
	for ; n < 100 && err == nil; n++ {
		_, err = f.Write(chunk)
	}
	fmt.Printf("onefile: %d %v\\n", n-1, err)
	err = nil
	for i := 0; i < 100 && err == nil; i++ {
		err = os.WriteFile(fmt.Sprintf("/tmp/f%d", i), chunk, 0o644)
	}
	fmt.Printf("fill: %v\\n", err)
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false, outOfMemory: false });
    const report = reportLines(r.run?.stdout.text);
    expect(resultOf(report, 'w0')).toMatch(/read-only file system$/);
    expect(resultOf(report, 'w1')).toMatch(/read-only file system$/);
    expect(resultOf(report, 'w2')).toMatch(/read-only file system|text file busy$/);
    expect(resultOf(report, 'w3')).toMatch(/read-only file system$/);
    expect(resultOf(report, 'w4')).toMatch(/no such file or directory$/);
    // RLIMIT_FSIZE: Go ignores SIGXFSZ and gets EFBIG at exactly 16 MiB.
    expect(resultOf(report, 'onefile')).toBe('16 write /tmp/big: file too large');
    // The /tmp tmpfs is 64 MiB: a flood of smaller files ends in ENOSPC, not on the host disk.
    expect(resultOf(report, 'fill')).toMatch(/no space left on device$/);
  });

  it('pays for /dev/shm with its own memory: filling it is an out-of-memory kill', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for i := 0; i < 40; i++ {
		f, err := os.Create(fmt.Sprintf("/dev/shm/f%d", i))
		if err != nil {
			fmt.Println("create:", err)
			return
		}
		for j := 0; j < 15; j++ {
			if _, err := f.Write(chunk); err != nil {
				fmt.Println("write:", err)
				return
			}
		}
		f.Close()
	}
	fmt.Println("wrote: 600 MiB")
}
`,
    );
    expect(r.run?.stdout.text).not.toContain('wrote: 600 MiB');
    expect(r.run).toMatchObject({ outOfMemory: true, exitCode: 137 });
    expect(r.run?.killedReason).toMatch(/more than 128 MiB of memory/);
  });

  it('an inode flood in /tmp is stopped by the clock or the memory limit', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; i < 5000000; i++ {
		f, err := os.Create(fmt.Sprintf("/tmp/%d", i))
		if err != nil {
			fmt.Println("stopped:", i, err)
			return
		}
		f.Close()
	}
}
`,
    );
    const stopped = r.run?.timedOut === true || r.run?.outOfMemory === true;
    const refused = /^stopped: \d+ .*no space left on device/m.test(r.run?.stdout.text ?? '');
    expect(stopped || refused).toBe(true);
    if (stopped) expect(r.run?.killedReason).toMatch(/stopped after 2 s|more than 128 MiB/);
  });

  it('bench mode: the hard-linked build cache cannot be modified, and /job writes die with the job', async () => {
    const r = await analyzeChecked(service, {
      mode: 'bench',
      files: [
        { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
        {
          name: 'main_test.go',
          content: `package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

var once sync.Once

func BenchmarkPoison(b *testing.B) {
	once.Do(func() {
		tried, opened, chmodded := 0, 0, 0
		filepath.WalkDir("/job/.cache", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || tried >= 200 {
				return nil
			}
			// Only the master's files are hard-linked; entries this job added are its own.
			var st syscall.Stat_t
			if syscall.Lstat(p, &st) != nil || st.Nlink < 2 {
				return nil
			}
			tried++
			if f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0); err == nil {
				opened++
				f.Close()
			}
			if os.Chmod(p, 0o666) == nil {
				chmodded++
			}
			return nil
		})
		fmt.Printf("cache: linked=%d writable=%d chmod=%d\\n", tried, opened, chmodded)
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		for i := 0; i < 64; i++ {
			if err := os.WriteFile(fmt.Sprintf("/job/junk%d", i), chunk, 0o644); err != nil {
				fmt.Println("junk:", err)
				return
			}
		}
		fmt.Println("junk: 64 MiB")
	})
	for i := 0; i < b.N; i++ {
	}
}
`,
        },
      ],
    });
    const report = reportLines(r.run?.stdout.text);
    // Every master-cache file the job can see is root-owned and read-only to it.
    expect(resultOf(report, 'cache')).toBe('linked=200 writable=0 chmod=0');
    // /job is on the host disk in bench mode; what it wrote is bounded by time, and the
    // job dir (checked in afterEach) is removed when the job ends.
    expect(resultOf(report, 'junk')).toBe('64 MiB');
    expect(r.bench?.results.map((b) => b.name)).toEqual(['BenchmarkPoison']);
  });

  it('bench mode: booby-traps left in /job (5,000-deep dirs, a fifo, symlinks to host paths, mode 000) do not steer the cleanup', async () => {
    const canary = path.join(STATE_DIR, `hostile-canary-${process.pid}`);
    fs.writeFileSync(canary, 'still here');
    try {
      const r = await analyzeChecked(service, {
        mode: 'bench',
        files: [
          { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
          {
            name: 'main_test.go',
            content: `package main

import (
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
)

var once sync.Once

func BenchmarkTraps(b *testing.B) {
	once.Do(func() {
		os.Chdir("/job")
		n := 0
		for ; n < 5000; n++ {
			if os.Mkdir("d", 0o755) != nil || os.Chdir("d") != nil {
				break
			}
		}
		fmt.Println("depth:", n)
		fmt.Println("fifo:", syscall.Mkfifo("/job/fifo", 0o644))
		fmt.Println("file-link:", os.Symlink(${JSON.stringify(canary)}, "/job/canary"))
		fmt.Println("dir-link:", os.Symlink(${JSON.stringify(STATE_DIR)}, "/job/state"))
		fmt.Println("lock-out:", os.Chmod("/job", 0))
	})
	for i := 0; i < b.N; i++ {
	}
}
`,
          },
        ],
      });
      const report = reportLines(r.run?.stdout.text);
      expect(resultOf(report, 'depth')).toBe('5000');
      for (const k of ['fifo', 'file-link', 'dir-link', 'lock-out'])
        expect(resultOf(report, k), k).toBe('<nil>');
      // The root-side cleanup removed the links, not what they point at.
      expect(fs.readFileSync(canary, 'utf8')).toBe('still here');
      expect(fs.existsSync(path.join(STATE_DIR, 'toolchains'))).toBe(true);
    } finally {
      fs.rmSync(canary, { force: true });
    }
  });
});
