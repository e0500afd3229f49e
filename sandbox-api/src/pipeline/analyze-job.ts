import type {
  AnalyzeResponse,
  CompileError,
  NormalizedAnalyzeRequest,
  SourceFile,
} from '../protocol.ts';
import {
  mergeJsonLog,
  parseCompilerOutput,
  parseRuntimeStderr,
  parseTestJson,
} from '../parse/index.ts';
import type { LaunchResult } from '../sandbox/launch.ts';
import { compileStep } from './compile-step.ts';
import { benchStep } from './bench-step.ts';
import type { JobContext } from './job-context.ts';
import { killedCode, killedReason } from './killed-reason.ts';
import { prepareLinkAndRun } from './run-step.ts';
import { checkPackage } from './package-check.ts';
import { stepLimits } from './step-limits.ts';

/** A finished job, and whether its result may be reused for an identical request. */
export interface JobOutcome {
  response: Omit<AnalyzeResponse, 'cached'>;
  cacheable: boolean;
}

type Body = Omit<AnalyzeResponse, 'cached' | 'toolchain' | 'request' | 'gcflags' | 'timing'>;

/** Runs one analyze request: compile (always), then link+run or `go test -bench`. */
export async function analyzeJob(
  ctx: JobContext,
  req: NormalizedAnalyzeRequest,
  files: SourceFile[],
): Promise<JobOutcome> {
  const started = performance.now();
  const timing = { queueMs: 0, compileMs: 0, linkMs: 0, runMs: 0, parseMs: 0, totalMs: 0 };
  /** Parsing is the service's own CPU on the request's path: timed so the bench can show it. */
  const parsing = <T>(fn: () => T): T => {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      timing.parseMs += performance.now() - t0;
    }
  };
  const t = ctx.toolchain;
  const envelope = {
    toolchain: { version: t.version, goos: t.goos, goarch: t.goarch, ready: true },
    request: {
      mode: req.mode,
      escapeDetail: req.escapeDetail,
      inline: req.inline,
      toolchain: t.version,
      env: req.env,
      files,
    },
    gcflags: `-gcflags='${req.escapeDetail === 2 ? '-m=2' : '-m'}${req.inline ? '' : ' -l'}'`,
  };
  const done = (body: Body, cacheable: boolean): JobOutcome => {
    timing.totalMs = performance.now() - started;
    return { response: { ...envelope, ...body, timing }, cacheable };
  };
  const sources = new Map(files.map((f) => [f.name, f.content]));
  const userError = (errors: CompileError[], text = ''): Body => ({
    ok: false,
    decisions: [],
    compileErrors: errors,
    compilerOutput: { text, truncated: false },
  });

  const pkg = checkPackage(files, req.mode, t.stdPackages);
  if (pkg.errors.length > 0) return done(userError(pkg.errors), true);
  // The compiler is spawned first (synchronously, inside this call): spawning is the service's
  // own CPU, and the ladders prepared next must not delay the step the answer waits for.
  const compiling = compileStep(ctx, {
    packageName: pkg.packageName,
    fileNames: pkg.compileFiles,
    escapeDetail: req.escapeDetail,
    inline: req.inline,
  });
  let ahead: ReturnType<typeof prepareLinkAndRun> | undefined;
  try {
    // Run mode: link and run get their sandboxes set up while the compiler works (run-step.ts).
    ahead = req.mode === 'run' ? prepareLinkAndRun(ctx, req.env) : undefined;
  } catch (e) {
    await compiling.catch(() => undefined);
    throw e;
  }
  try {
    const compile = await compiling;
    timing.compileMs = compile.result.wallMs;
    // The linker needs only the archive: it is released before the compiler's output is parsed.
    const linking = compile.ok && ahead !== undefined ? ahead.link() : undefined;
    // Awaited below; should parsing throw first, its rejection must not go unhandled.
    linking?.catch(() => undefined);
    const parsed = parsing(() =>
      parseCompilerOutput(compile.text, sources, { failed: !compile.ok }),
    );
    const decisions = parsing(() =>
      mergeJsonLog(parsed.decisions, compile.jsonFiles, [`file://${ctx.root}/`, `${ctx.root}/`]),
    );
    const compilerOutput = {
      text: compile.text,
      truncated: compile.result.stdout.truncated || compile.result.stderr.truncated,
    };
    if (!compile.ok) {
      const limitHit = killedReason(compile.result, stepLimits(ctx, 'compile'), 'compiler');
      const errors =
        limitHit !== undefined
          ? [{ file: pkg.compileFiles[0] ?? 'main.go', line: 0, message: limitHit }]
          : parsed.errors.length > 0
            ? parsed.errors
            : [
                {
                  file: pkg.compileFiles[0] ?? 'main.go',
                  line: 0,
                  message: compile.text.trim() || 'the compiler failed',
                },
              ];
      const stoppedByLimit = compile.result.timedOut || compile.result.outOfMemory;
      return done(
        { ok: false, decisions, compileErrors: errors, compilerOutput },
        // Only the compiler's own diagnostics are the program's fault; anything else (ENOSPC,
        // a crashed tool) may be gone next time and must not stick in the cache.
        !stoppedByLimit &&
          req.mode === 'build' &&
          limitHit === undefined &&
          parsed.errors.length > 0,
      );
    }
    const base: Body = { ok: true, decisions, compileErrors: [], compilerOutput };
    if (req.mode === 'build') return done(base, true);

    if (ahead !== undefined) {
      const link = await (linking ?? ahead.link());
      timing.linkMs = link.wallMs;
      if (link.exitCode !== 0) {
        const message =
          killedReason(link, stepLimits(ctx, 'link'), 'linker') ??
          ctx.strip(link.stdout.text + link.stderr.text).trim();
        return done(
          {
            ...base,
            ok: false,
            compileErrors: [{ file: pkg.compileFiles[0] ?? 'main.go', line: 0, message }],
          },
          false,
        );
      }
      const run = await ahead.run();
      timing.runMs = run.wallMs;
      const { gc, programStderr } = parsing(() => parseRuntimeStderr(run.stderr.text));
      return done({ ...base, run: runResult(ctx, run, programStderr, 'run'), gc }, false);
    }

    const bench = await benchStep(ctx, req.env, req.inline);
    timing.runMs = bench.wallMs;
    const events = parsing(() => parseTestJson(bench.stdout.text));
    const benchResult = {
      results: events.results,
      passed: events.passed && bench.exitCode === 0,
      failed: events.failed,
    };
    // What `go test` without -json would have printed: the raw view shows text, not events.
    const benchOut = { ...bench, stdout: { ...bench.stdout, text: events.text } };
    const stderrText = ctx.strip(bench.stderr.text);
    const failedBuild =
      bench.exitCode !== 0 &&
      benchResult.results.length === 0 &&
      !bench.timedOut &&
      !bench.outOfMemory;
    const testErrors = failedBuild
      ? parseCompilerOutput(stderrText + ctx.strip(events.text), sources, { failed: true }).errors
      : [];
    return done(
      {
        ...base,
        ok: testErrors.length === 0,
        compileErrors: testErrors,
        run: runResult(ctx, benchOut, stderrText, 'bench'),
        bench: benchResult,
      },
      false,
    );
  } finally {
    await ahead?.cancel();
  }
}

function runResult(
  ctx: JobContext,
  r: LaunchResult,
  stderr: string,
  step: 'run' | 'bench',
): NonNullable<AnalyzeResponse['run']> {
  const what = step === 'bench' ? 'benchmark' : 'program';
  const reason = killedReason(r, stepLimits(ctx, step), what);
  const killed = killedCode(r, stepLimits(ctx, step), what);
  return {
    exitCode: r.exitCode,
    signal: r.signal,
    stdout: { text: ctx.strip(r.stdout.text), truncated: r.stdout.truncated },
    stderr: { text: ctx.strip(stderr), truncated: r.stderr.truncated },
    wallMs: r.wallMs,
    cpuMs: r.cpuMs,
    timedOut: r.timedOut,
    outOfMemory: r.outOfMemory,
    ...(reason !== undefined ? { killedReason: reason } : {}),
    ...(killed !== undefined ? { killed } : {}),
  };
}
