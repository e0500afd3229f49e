import os from 'node:os';
import type { NormalizedAnalyzeRequest } from '../protocol.ts';
import type { LaunchResult } from '../sandbox/launch.ts';
import {
  assertLaunched,
  toolchainBinds,
  toolEnv,
  toolPath,
  type JobContext,
} from './job-context.ts';
import { stepLimits } from './step-limits.ts';

/** Links `_pkg_.a` into `prog` inside the sandbox (the job dir stays writable for this). */
export async function linkStep(ctx: JobContext): Promise<LaunchResult> {
  const result = await ctx.launch({
    argv: [
      toolPath(ctx, 'link'),
      '-o',
      `${ctx.root}/prog`,
      '-importcfg',
      ctx.toolchain.importcfg,
      '-buildmode=exe',
      `${ctx.root}/_pkg_.a`,
    ],
    env: toolEnv(ctx),
    jobDir: ctx.jobDir,
    jobWritable: true,
    binds: toolchainBinds(ctx),
    ...stepLimits(ctx, 'link'),
    signal: ctx.signal,
  });
  assertLaunched(result, 'link');
  return result;
}

/** The GODEBUG/GOGC/… environment a run sees: gctrace is always on. */
export function runEnv(env: NormalizedAnalyzeRequest['env']): Record<string, string> {
  const godebug = ['gctrace=1', ...(env.GODEBUG ?? '').split(',').map((s) => s.trim())]
    .filter((s) => s !== '')
    // The user's own gctrace=0/2 wins over the default, Go takes the last setting.
    .join(',');
  const out: Record<string, string> = {
    HOME: '/tmp',
    GODEBUG: godebug,
    GOMAXPROCS: env.GOMAXPROCS ?? String(Math.min(2, os.availableParallelism())),
  };
  if (env.GOGC !== undefined) out['GOGC'] = env.GOGC;
  if (env.GOMEMLIMIT !== undefined) out['GOMEMLIMIT'] = env.GOMEMLIMIT;
  return out;
}

/** Runs the linked program with the job dir read-only and nothing else from the host. */
export async function runStep(
  ctx: JobContext,
  env: NormalizedAnalyzeRequest['env'],
): Promise<LaunchResult> {
  const result = await ctx.launch({
    argv: [`${ctx.root}/prog`],
    env: runEnv(env),
    jobDir: ctx.jobDir,
    jobWritable: false,
    binds: [],
    ...stepLimits(ctx, 'run'),
    signal: ctx.signal,
  });
  assertLaunched(result, 'run');
  return result;
}
