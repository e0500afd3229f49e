/**
 * The "sandbox start" row of `npm run bench:api`: an empty Go program launched through the
 * service's own ladder (cgroup, rlimits, setpriv, bubblewrap, seccomp) with the run step's
 * limits. What it takes is what every sandboxed step pays before its tool does any work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace } from '../sandbox-api/src/pipeline/workspace.ts';
import { detectSandbox } from '../sandbox-api/src/sandbox/detect.ts';
import { launch } from '../sandbox-api/src/sandbox/launch.ts';
import type { ServiceConfig } from '../sandbox-api/src/service.ts';
import type { RawGo } from './bench-raw-go.ts';

/** Wall times (ms) of `runs` launches of a no-op program, after one warm-up. */
export async function sandboxStartTimes(
  config: Readonly<ServiceConfig>,
  raw: RawGo,
  runs: number,
): Promise<{ kind: string; times: number[] }> {
  const ws = createWorkspace(config.stateDir, [], config.sandboxUid);
  const detected = await detectSandbox({
    uid: config.sandboxUid,
    force: config.forceUnsandboxed ? 'none' : undefined,
    probeGoroot: raw.goroot,
    probeDir: ws.dir,
  });
  try {
    const noop = path.join(ws.dir, 'noop');
    raw.buildTo('package main\n\nfunc main() {}\n', noop);
    fs.chmodSync(noop, 0o755);
    const root = detected.mode.kind === 'bubblewrap' ? '/job' : ws.dir;
    const once = async (): Promise<number> => {
      const t0 = performance.now();
      const r = await launch(detected.mode, {
        argv: [`${root}/noop`],
        env: { HOME: '/tmp' },
        jobDir: ws.dir,
        jobWritable: false,
        binds: [],
        wallMs: config.runWallMs,
        memoryBytes: config.runMemoryBytes,
        pids: config.runPids,
        fileBytes: 16 * 1024 * 1024,
        stdoutCap: 4096,
        stderrCap: 4096,
      });
      if (r.exitCode !== 0) throw new Error(`no-op launch failed: ${r.stderr.text.slice(0, 300)}`);
      return performance.now() - t0;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    return { kind: detected.mode.kind, times };
  } finally {
    ws.remove();
    detected.mode.cgroups?.removeParent();
  }
}
