import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AnalyzeRequestSchema } from '../../../src/protocol.ts';
import { JOB_CPUS } from '../../../src/sandbox/launch.ts';
import { createService } from '../../../src/service.ts';
import { fakePlatform } from '../../support/fake-platform.ts';

test('the compiler and linker are told the one core their cgroup gives them; the program is not', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-tool-env-'));
  const { platform, calls } = fakePlatform(() => ({}));
  const service = await createService({ stateDir, log: () => {} }, { platform });
  try {
    await service.analyze(
      AnalyzeRequestSchema.parse({
        files: [{ name: 'main.go', content: 'package main\n\nfunc main() {}\n' }],
        mode: 'run',
      }),
    );
    const env = (step: string): Record<string, string> | undefined =>
      calls.find((c) => c.step === step)?.spec.env;
    expect(env('compile')?.['GOMAXPROCS']).toBe(String(JOB_CPUS));
    expect(env('link')?.['GOMAXPROCS']).toBe(String(JOB_CPUS));
    // The program's GOMAXPROCS is part of what the learner sees (gctrace's "N P"): the
    // request's, else the documented default, never the tools' setting.
    expect(env('run')?.['GOMAXPROCS']).toBe(String(Math.min(2, os.availableParallelism())));
  } finally {
    await service.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
