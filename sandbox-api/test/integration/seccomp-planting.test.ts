import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service.ts';
import { seccompProgram } from '../../src/sandbox/seccomp.ts';
import { runMain, startHostileService } from '../support/hostile-service.ts';
import { reportLines, resultOf } from '../support/program-report.ts';

const UID = 10081;
/** The local user who gets there first. */
const PLANTER = 10082;

/** A one-instruction program: `return SECCOMP_RET_ALLOW` for every call. */
function allowAll(): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16LE(0x06, 0); // BPF_RET | BPF_K
  b.writeUInt32LE(0x7fff0000, 4);
  return b;
}

/**
 * Finding 1 of issue 10 (docs/SECURITY.md, "seccomp program planted in shared tmp"): the filter
 * used to be written to `$TMPDIR/gml-seccomp-<hash>.bpf`, and a file already there was reused.
 * Another uid plants an allow-all program at that name in a shared sticky tmp dir; the sandbox
 * must still refuse io_uring_setup.
 */
describe('seccomp program planted by another local user', () => {
  const savedTmp = process.env['TMPDIR'];
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-shared-tmp-'));
  let service: Service | undefined;
  let planted = '';

  beforeAll(async () => {
    fs.chmodSync(shared, 0o1777);
    const hash = crypto.createHash('sha256').update(seccompProgram()).digest('hex').slice(0, 12);
    planted = path.join(shared, `gml-seccomp-${hash}.bpf`);
    fs.writeFileSync(planted, allowAll(), { mode: 0o444 });
    fs.chownSync(planted, PLANTER, PLANTER);
    process.env['TMPDIR'] = shared;
    service = await startHostileService(UID);
  });

  afterAll(async () => {
    if (savedTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmp;
    await service?.close();
    fs.rmSync(shared, { recursive: true, force: true });
  });

  it('keeps io_uring_setup refused and leaves the planted file alone', async () => {
    expect(os.tmpdir()).toBe(shared);
    const r = await runMain(
      service!,
      `package main

import (
	"fmt"
	"syscall"
)

func main() {
	_, _, errno := syscall.RawSyscall6(425, 0, 0, 0, 0, 0, 0)
	fmt.Println("io_uring_setup:", errno.Error())
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    expect(resultOf(reportLines(r.run?.stdout.text), 'io_uring_setup')).toBe(
      'operation not permitted',
    );
    expect(fs.statSync(planted).uid).toBe(PLANTER);
    // Nothing of the service's lands in the shared dir for the next user to swap.
    expect(fs.readdirSync(shared)).toEqual([path.basename(planted)]);
  });
});
