/**
 * gofmt for the Format button. gofmt only parses and prints, but it parses untrusted text: it
 * runs like any job step (bubblewrap, its own cgroup, the sandbox uid) with a time, memory and
 * output cap. The output cap matters most: gofmt re-indents, so one long line of nested braces
 * (`{{{…}}}`) turns 64 KB of input into gigabytes of tabs (docs/SECURITY.md, S-format).
 */
import type { ServiceConfig } from '../config.ts';
import { ApiFailure } from '../errors.ts';
import { validateFiles } from '../input/validate-files.ts';
import { parsePositionedLine } from '../parse/position.ts';
import { assertLaunched } from '../pipeline/job-context.ts';
import { createWorkspace } from '../pipeline/workspace.ts';
import type { CompileError, FormatResponse } from '../protocol.ts';
import type { ProcessRunner } from '../platform.ts';
import type { SandboxMode } from '../sandbox/launch.ts';

/** What a format needs from the service: its limits, its sandbox and a toolchain's GOROOT. */
export interface FormatContext {
  config: ServiceConfig;
  sandbox: SandboxMode;
  goroot: string;
  /** The service's injected runner (platform.ts), so format is testable without bubblewrap. */
  launch: ProcessRunner['launch'];
}

const MiB = 1024 * 1024;
/** gofmt takes milliseconds on the largest accepted file; 5 s is only a backstop. */
export const FORMAT_LIMITS = { wallMs: 5_000, memoryBytes: 256 * MiB, pids: 32 } as const;

/** The name gofmt sees, so its errors read `main.go:3:5: …` like the compiler's. */
const FILE = 'main.go';

export async function formatSource(
  ctx: FormatContext,
  source: string,
  signal?: AbortSignal,
): Promise<FormatResponse> {
  // Same checks as analyze's files: byte limit (400 source_too_large), no NUL bytes.
  validateFiles([{ name: FILE, content: source }], ctx.config);
  const ws = createWorkspace(
    ctx.config.stateDir,
    [{ name: FILE, content: source }],
    ctx.sandbox.uid,
  );
  try {
    const result = await ctx.launch(ctx.sandbox, {
      // Relative to the job dir (the working directory either way): errors read `main.go:3:5: …`.
      argv: [`${ctx.goroot}/bin/gofmt`, FILE],
      env: { PATH: '/usr/bin:/bin', HOME: '/tmp', GOROOT: ctx.goroot },
      jobDir: ws.dir,
      jobWritable: false,
      binds: [{ src: ctx.goroot, dst: ctx.goroot, writable: false }],
      ...FORMAT_LIMITS,
      fileBytes: MiB,
      // Formatting adds indentation: allow some growth, never unbounded.
      stdoutCap: 4 * ctx.config.maxSourceBytes,
      stderrCap: 64 * 1024,
      signal,
    });
    assertLaunched(result, 'gofmt');
    if (result.timedOut || result.outOfMemory || result.stdout.truncated) {
      const what = result.stdout.truncated
        ? `its output passed ${4 * ctx.config.maxSourceBytes} bytes`
        : result.timedOut
          ? `it ran past ${FORMAT_LIMITS.wallMs / 1000} s`
          : `it used more than ${FORMAT_LIMITS.memoryBytes / MiB} MiB`;
      throw new ApiFailure(422, { code: 'format_limit', message: `gofmt was stopped: ${what}` });
    }
    if (result.exitCode === 0) return { ok: true, source: result.stdout.text };
    const errors = syntaxErrors(result.stderr.text);
    if (errors.length === 0) {
      throw new ApiFailure(500, {
        code: 'internal',
        message: `gofmt failed: ${result.stderr.text.split('\n')[0] ?? `exit ${result.exitCode}`}`,
      });
    }
    return { ok: false, errors };
  } finally {
    ws.remove();
  }
}

/** gofmt's `main.go:3:5: expected …` lines. */
function syntaxErrors(stderr: string): CompileError[] {
  const out: CompileError[] = [];
  for (const line of stderr.split('\n')) {
    const p = parsePositionedLine(line);
    if (p)
      out.push({
        file: FILE,
        line: p.line,
        ...(p.column ? { column: p.column } : {}),
        message: p.message,
      });
  }
  return out;
}
