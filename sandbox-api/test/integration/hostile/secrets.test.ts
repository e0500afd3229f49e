import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import { STATE_DIR } from '../harness.ts';
import {
  analyzeChecked,
  expectServiceRecovered,
  runMain,
  startHostileService,
} from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10071;
const SECRET = `hostile-secret-${process.pid}-${Date.now()}`;
const SECRET_FILE = path.join(STATE_DIR, `hostile-secret-${process.pid}.txt`);
let service: Service;

beforeAll(async () => {
  // Set before the service starts, so every child it spawns could inherit it if it leaked.
  process.env['GML_HOSTILE_TOKEN'] = SECRET;
  // World-readable on purpose: only the mount namespace can keep it from the job.
  fs.writeFileSync(SECRET_FILE, SECRET, { mode: 0o644 });
  service = await startHostileService(UID);
});
afterAll(async () => {
  await service.close();
  fs.rmSync(SECRET_FILE, { force: true });
  delete process.env['GML_HOSTILE_TOKEN'];
});
afterEach(async () => {
  await expectServiceRecovered(service, UID);
});

/** Prints every environment the program can find: its own, and every /proc/N/environ. */
const ENV_DUMP = `package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("own:", strings.Join(os.Environ(), " "))
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		if e.Name()[0] < '0' || e.Name()[0] > '9' {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		fmt.Printf("proc%s: %v %s\\n", e.Name(), err, strings.ReplaceAll(string(b), "\\x00", " "))
	}
	b, err := os.ReadFile(${JSON.stringify(SECRET_FILE)})
	fmt.Printf("file: %v %s\\n", err, b)
}
`;

describe('hostile programs: the service environment and secrets', () => {
  it("run mode sees only its own short environment; bwrap's init holds no host variables", async () => {
    const r = await runMain(service, ENV_DUMP);
    const out = r.run?.stdout.text ?? '';
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('GML_HOSTILE_TOKEN');
    const rep = reportLines(out);
    expect(resultOf(rep, 'own').split(' ').sort()).toEqual([
      'GODEBUG=gctrace=1',
      'GOMAXPROCS=2',
      'HOME=/tmp',
      'PWD=/job',
    ]);
    // pid 1 is bwrap's init: it keeps the launcher's environment, which is set explicitly.
    expect(resultOf(rep, 'proc1')).toBe('<nil> PATH=/usr/bin:/bin PWD=/ ');
    expect(resultOf(rep, 'file')).toMatch(/no such file or directory/);
  });

  it('bench mode (go test runs user code next to the go command) leaks nothing either', async () => {
    const r = await analyzeChecked(service, {
      mode: 'bench',
      files: [
        { name: 'main.go', content: 'package main\n\nfunc main() {}\n' },
        {
          name: 'main_test.go',
          content:
            ENV_DUMP.replace('func main() {', 'func dump() {').replace(
              'import (',
              'import (\n\t"testing"',
            ) +
            '\nfunc BenchmarkDump(b *testing.B) {\n\tif b.N == 1 {\n\t\tdump()\n\t}\n\tfor i := 0; i < b.N; i++ {\n\t}\n}\n',
        },
      ],
    });
    const out = `${r.run?.stdout.text ?? ''}${r.run?.stderr.text ?? ''}`;
    expect(out).toContain('own: ');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('GML_HOSTILE_TOKEN');
    // The go command's own variables are fixed by the service, not inherited.
    expect(out).toContain('GOPROXY=off');
    expect(resultOf(reportLines(out), 'file')).toMatch(/no such file or directory/);
  });

  it('compiler output and responses never show host paths of the job', async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	exe, _ := os.Executable()
	fmt.Println("wd:", wd)
	fmt.Println("exe:", exe)
	panic("show me the stack")
}
`,
    );
    const json = JSON.stringify(r);
    expect(json).not.toContain(`${STATE_DIR}/`);
    expect(json).not.toContain('/tmp/go-memory-lab');
    const rep = reportLines(r.run?.stdout.text);
    // The job dir is stripped from what the user sees ("/job/" disappears like a temp dir).
    expect(resultOf(rep, 'wd')).toBe('/job');
    expect(resultOf(rep, 'exe')).toBe('prog');
    expect(r.run?.stderr.text).toMatch(/panic: show me the stack/);
    expect(r.run?.exitCode).toBe(2);
    expect(r.run?.killedReason).toBeUndefined();
  });
});
