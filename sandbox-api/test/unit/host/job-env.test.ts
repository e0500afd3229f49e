import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { discoverToolchains } from '../../../src/toolchain/discover.ts';
import { goEnv } from '../../../src/toolchain/job-env.ts';
import { locateGo } from '../../../src/toolchain/locate-go.ts';

test('jobs build for the platform the toolchain was discovered on, whatever the host is', () => {
  const [local] = discoverToolchains(locateGo());
  if (!local) throw new Error('no Go toolchain found');
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-job-env-'));
  try {
    const out = execFileSync(path.join(local.hostGoroot, 'bin', 'go'), ['env', 'GOOS', 'GOARCH'], {
      env: goEnv(local.hostGoroot, cache),
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toEqual([local.goos, local.goarch]);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
