import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { STATE_DIR } from '../harness.ts';
import { analyzeChecked, useHostileService } from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10083;
let service: Service;

useHostileService(UID, (s) => (service = s));

/**
 * Issue 10: in bench mode `/job` used to be a bind of the job dir on the host disk, and
 * `/proc/self/mountinfo` named its host path. The program prints mountinfo hex-encoded, so the
 * response's path stripper (plain text only) cannot hide what a hostile program could read.
 */
describe('hostile programs: bench mounts', () => {
  it('bench /job is a size-capped tmpfs and mountinfo names no host path', async () => {
    const r = await analyzeChecked(service, {
      mode: 'bench',
      files: [
        { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
        {
          name: 'main_test.go',
          content: `package main

import (
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
)

var once sync.Once

func BenchmarkMounts(b *testing.B) {
	once.Do(func() {
		info, err := os.ReadFile("/proc/self/mountinfo")
		fmt.Println("mountinfo:", hex.EncodeToString(info), err)
		var st syscall.Statfs_t
		if err := syscall.Statfs("/job", &st); err == nil {
			fmt.Printf("job-fs: %x %d\\n", st.Type, uint64(st.Blocks)*uint64(st.Bsize))
		} else {
			fmt.Println("job-fs:", err)
		}
	})
	for i := 0; i < b.N; i++ {
	}
}
`,
        },
      ],
    });
    // What it printed on the first call counts even if a loaded host stops the benchmark later.
    const report = reportLines(r.run?.stdout.text);
    const [hexInfo, err] = resultOf(report, 'mountinfo').split(' ');
    expect(err).toBe('<nil>');
    const mountinfo = Buffer.from(hexInfo!, 'hex').toString('utf8');
    // Field 5 is the mount point, field 4 the mounted dir's path inside its own filesystem.
    const job = mountinfo.split('\n').find((l) => l.split(' ')[4] === '/job');
    expect(job?.split(' - ')[1]).toMatch(/^tmpfs /);
    expect(mountinfo).not.toContain(STATE_DIR);
    expect(mountinfo).not.toMatch(/toolchains\/go/);
    // TMPFS_MAGIC, and a finite size.
    const [fsType, bytes] = resultOf(report, 'job-fs').split(' ');
    expect(fsType).toBe('1021994');
    expect(Number(bytes)).toBeGreaterThan(0);
    expect(Number(bytes)).toBeLessThanOrEqual(service.config.benchTmpfsBytes);
  });
});
