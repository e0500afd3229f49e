import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { NormalizedAnalyzeRequest } from '../protocol.ts';
import { benchTmpfsCache, benchTmpfsRoot } from '../sandbox/bench-tmpfs.ts';
import type { LaunchResult } from '../sandbox/launch.ts';
import { goEnv } from '../toolchain/job-env.ts';
import { langVersion } from '../toolchain/discover.ts';
import { assertLaunched, toolchainBinds, type JobContext } from './job-context.ts';
import { runEnv } from './run-step.ts';
import { stepLimits } from './step-limits.ts';
import { createWorkspace } from './workspace.ts';

const exec = promisify(execFile);

/**
 * `go test -json -run '^$' -bench . -benchmem` needs a writable GOCACHE. The job gets a hard-linked
 * copy of the master: new entries land in directories it owns, while the master's files stay
 * root-owned and read-only, so a job cannot poison the cache for the next one.
 */
export async function benchStep(
  ctx: JobContext,
  env: NormalizedAnalyzeRequest['env'],
  inline: boolean,
): Promise<LaunchResult> {
  // /job on the capped bench tmpfs when it can be mounted (bench-tmpfs.ts), else the job dir.
  const master = await benchTmpfsCache(
    ctx.config.stateDir,
    ctx.toolchain,
    ctx.config.benchTmpfsBytes,
  );
  const ws =
    master === undefined
      ? undefined
      : createWorkspace(benchTmpfsRoot(ctx.config.stateDir), [], ctx.sandbox.uid);
  try {
    return await benchIn(ws?.dir ?? ctx.jobDir, master ?? ctx.toolchain.gocache, ctx, env, inline);
  } finally {
    ws?.remove();
  }
}

async function benchIn(
  jobDir: string,
  master: string,
  ctx: JobContext,
  env: NormalizedAnalyzeRequest['env'],
  inline: boolean,
): Promise<LaunchResult> {
  if (jobDir !== ctx.jobDir) {
    for (const name of fs.readdirSync(ctx.jobDir).filter((n) => n.endsWith('.go')))
      fs.copyFileSync(path.join(ctx.jobDir, name), path.join(jobDir, name));
  }
  const cache = path.join(jobDir, '.cache');
  await exec('cp', ['-al', master, cache]);
  if (ctx.sandbox.uid !== undefined) {
    const uid = String(ctx.sandbox.uid);
    await exec('find', [cache, '-type', 'd', '-exec', 'chown', `${uid}:${uid}`, '{}', '+']);
  }
  fs.writeFileSync(
    path.join(jobDir, 'go.mod'),
    `module sandbox\n\ngo ${langVersion(ctx.toolchain.version).slice(2)}\n`,
    { mode: 0o644 },
  );
  // gctrace is for run mode only: in go test it would trace the go command and compiler too.
  const knobs = runEnv(env);
  delete knobs['GODEBUG'];
  const result = await ctx.launch({
    argv: [
      `${ctx.toolchain.goroot}/bin/go`,
      'test',
      // test2json events: a result counts only when attributed to the running benchmark, and
      // pass/fail come from events rather than from lines the program could print itself.
      '-json',
      '-vet=off',
      '-run',
      '^$',
      '-bench',
      '.',
      '-benchmem',
      // The benchmark must measure the program the reader asked about: with inlining off, the
      // package under test (not the standard library) is built with -l too.
      ...(inline ? [] : ['-gcflags=-l']),
    ],
    env: {
      ...goEnv(ctx.toolchain.goroot, `${ctx.root}/.cache`, ctx.toolchain.goexperiment),
      ...knobs,
      ...(env.GODEBUG ? { GODEBUG: env.GODEBUG } : {}),
    },
    jobDir,
    jobWritable: true,
    // GOROOT only: go test needs neither the master cache nor the importcfg, and each bind
    // shows its host path in /proc/self/mountinfo.
    binds: toolchainBinds(ctx).filter((b) => b.src === ctx.toolchain.goroot),
    ...stepLimits(ctx, 'bench'),
    signal: ctx.signal,
  });
  assertLaunched(result, 'bench');
  return result;
}
