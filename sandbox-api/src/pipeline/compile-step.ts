import fs from 'node:fs';
import path from 'node:path';
import type { LaunchResult, LaunchSpec } from '../sandbox/launch.ts';
import { scratch } from '../scratch.ts';
import { langVersion } from '../toolchain/discover.ts';
import {
  assertLaunched,
  toolchainBinds,
  toolEnv,
  toolPath,
  type JobContext,
} from './job-context.ts';
import { stepLimits } from './step-limits.ts';

/** What the compiler said about one package. */
export interface CompileOutcome {
  result: LaunchResult;
  /** stdout+stderr with job paths removed. */
  text: string;
  /** The `-json=0,…` log files, named like `main/main.json`. */
  jsonFiles: { name: string; content: string }[];
  ok: boolean;
}

/** Options of one compile, as the request gave them. */
export interface CompileOptions {
  packageName: string;
  fileNames: string[];
  escapeDetail: 1 | 2;
  inline: boolean;
}

/** The file in the job dir that carries the request's compiler flags (`compile @file`). */
const ARGS_FILE = '.args';

/**
 * The compile step's sandbox: the same for every request of a toolchain, because the request's
 * flags and file names travel in a response file the compiler reads at start
 * (`cmd/internal/objabi.Flagparse` expands `@file` arguments). So the sandbox can be set up
 * before the request exists (`compile-pool.ts`), and a fresh one is the same ladder.
 */
export function compileSpec(
  ctx: Pick<JobContext, 'config' | 'toolchain' | 'jobDir' | 'root'>,
): LaunchSpec {
  return {
    argv: [toolPath(ctx, 'compile'), `@${ctx.root}/${ARGS_FILE}`],
    env: toolEnv(ctx),
    jobDir: ctx.jobDir,
    jobWritable: true,
    binds: toolchainBinds(ctx),
    ...stepLimits(ctx, 'compile'),
  };
}

/**
 * Runs `compile` directly with an importcfg of the warm std (what `go build` does, minus its
 * ~50 ms of planning): the flags of `go build -gcflags=-m`, plus -json for exact positions, less
 * DWARF. In the job's prepared sandbox when the pool had one, else in a fresh one.
 */
export async function compileStep(ctx: JobContext, o: CompileOptions): Promise<CompileOutcome> {
  const args = [
    '-o',
    `${ctx.root}/_pkg_.a`,
    '-trimpath',
    `${ctx.root}=>`,
    '-p',
    o.packageName,
    `-lang=${langVersion(ctx.toolchain.version)}`,
    '-complete',
    // No DWARF: nothing reads it (run mode links with -s -w, build mode only wants -m), and
    // leaving it out saves about a tenth of the compile (86 → 76 ms for the bench's sample).
    '-dwarf=false',
    '-c=1',
    // -c=1 also turns off the compiler's start-up heap boost (`$GOROOT/src/cmd/compile/internal/
    // gc/main.go`: no GOGC, no GOMEMLIMIT and -c above 1), which `go build` gets with its -c=4:
    // without it a snippet's compile runs its GC from a 4 MB heap. An explicit gcstart restores
    // it (same output; 91–99 → 79–83 ms for the bench's sample under the 1-core quota, 20 MB RSS).
    '-d=gcstart=128',
    o.escapeDetail === 2 ? '-m=2' : '-m',
    ...(o.inline ? [] : ['-l']),
    `-json=0,file://${ctx.root}/.json`,
    '-nolocalimports',
    '-importcfg',
    ctx.toolchain.importcfg,
    '-pack',
    ...o.fileNames.map((f) => `./${f}`),
  ];
  // Root-owned and read-only to the job, like the sources beside it.
  scratch(() =>
    fs.writeFileSync(path.join(ctx.jobDir, ARGS_FILE), args.join('\n'), { mode: 0o644 }),
  );
  const result = await (ctx.preparedCompile
    ? ctx.preparedCompile.start(ctx.signal)
    : ctx.launch({ ...compileSpec(ctx), signal: ctx.signal }));
  assertLaunched(result, 'compile');
  const text = ctx.strip(result.stdout.text + result.stderr.text);
  const ok = result.exitCode === 0 && !result.timedOut && !result.outOfMemory;
  return { result, text, jsonFiles: readJsonLogs(path.join(ctx.jobDir, '.json')), ok };
}

function readJsonLogs(dir: string): { name: string; content: string }[] {
  const out: { name: string; content: string }[] = [];
  // The job wrote these as the sandbox uid and we read them as root: never follow a symlink
  // (it could point at any host file), and bound the size. The job has exited, so no race.
  if (!isRealDir(dir)) return out;
  for (const pkg of fs.readdirSync(dir)) {
    if (!isRealDir(path.join(dir, pkg))) continue;
    for (const file of fs.readdirSync(path.join(dir, pkg))) {
      const full = path.join(dir, pkg, file);
      const st = fs.lstatSync(full);
      if (!file.endsWith('.json') || !st.isFile() || st.size > 4 * 1024 * 1024) continue;
      out.push({ name: `${pkg}/${file}`, content: fs.readFileSync(full, 'utf8') });
    }
  }
  return out;
}

function isRealDir(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
