import os from 'node:os';
import type { NormalizedAnalyzeRequest } from '../protocol.ts';
import type { LaunchResult, LaunchSpec, PreparedLaunch } from '../sandbox/launch.ts';
import {
  assertLaunched,
  toolchainBinds,
  toolEnv,
  toolPath,
  type JobContext,
} from './job-context.ts';
import { stepLimits } from './step-limits.ts';

/**
 * Links `_pkg_.a` into `prog` (the job dir stays writable for this). `-s -w` leaves out the
 * symbol table and DWARF, which nothing here reads: panics and runtime/pprof name functions
 * and lines from the pclntab, which stays. It cuts about a quarter of the linker's CPU. The
 * std it links is the one without DWARF once built (`toolchain/link-std.ts`).
 */
export function linkSpec(ctx: JobContext): LaunchSpec {
  return {
    argv: [
      toolPath(ctx, 'link'),
      '-s',
      '-w',
      '-o',
      `${ctx.root}/prog`,
      '-importcfg',
      ctx.toolchain.link.importcfg,
      '-buildmode=exe',
      `${ctx.root}/_pkg_.a`,
    ],
    env: toolEnv(ctx),
    jobDir: ctx.jobDir,
    jobWritable: true,
    // GOROOT and the link std (toolchain/link-std.ts), not the master cache it does not read.
    binds: toolchainBinds(ctx, ctx.toolchain.link),
    ...stepLimits(ctx, 'link'),
    signal: ctx.signal,
  };
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

/** The linked program with the job dir read-only and nothing else from the host. */
export function runSpec(ctx: JobContext, env: NormalizedAnalyzeRequest['env']): LaunchSpec {
  return {
    argv: [`${ctx.root}/prog`],
    env: runEnv(env),
    jobDir: ctx.jobDir,
    jobWritable: false,
    binds: [],
    ...stepLimits(ctx, 'run'),
    signal: ctx.signal,
  };
}

/**
 * Link and run in run mode, their sandboxes set up while the compiler works (`prepareLaunch`):
 * each step's own ladder and limits, released in turn. `cancel` kills what was never released.
 */
export function prepareLinkAndRun(
  ctx: JobContext,
  env: NormalizedAnalyzeRequest['env'],
): {
  link: () => Promise<LaunchResult>;
  run: () => Promise<LaunchResult>;
  cancel: () => Promise<void>;
} {
  const link = ctx.prepare(linkSpec(ctx));
  const run = ctx.prepare(runSpec(ctx, env));
  const started = (p: PreparedLaunch, step: string) => async (): Promise<LaunchResult> => {
    const result = await p.start();
    assertLaunched(result, step);
    return result;
  };
  return {
    link: started(link, 'link'),
    run: started(run, 'run'),
    cancel: async () => {
      await Promise.all([link.cancel(), run.cancel()]);
    },
  };
}
