import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import type { CgroupManager } from './cgroup.ts';
import { capture, type Captured } from './capture.ts';

/** A directory made visible inside the sandbox. */
export interface Bind {
  src: string;
  dst: string;
  writable: boolean;
}

/** One process to run under the job's limits. */
export interface LaunchSpec {
  /** argv inside the sandbox (absolute program path). */
  argv: string[];
  /** The whole environment the program sees. */
  env: Record<string, string>;
  /** Host dir of the job; seen as `/job` in the sandbox, as itself without one. */
  jobDir: string;
  jobWritable: boolean;
  /** Further read-only or writable binds (GOROOT, the master build cache). */
  binds: Bind[];
  wallMs: number;
  memoryBytes: number;
  pids: number;
  /** RLIMIT_FSIZE: the largest file the job may write. */
  fileBytes: number;
  stdoutCap: number;
  stderrCap: number;
  signal?: AbortSignal | undefined;
}

export interface LaunchResult {
  exitCode: number | null;
  signal: string | null;
  stdout: Captured;
  stderr: Captured;
  wallMs: number;
  cpuMs: number;
  timedOut: boolean;
  aborted: boolean;
  /** The memory cgroup killed the job (or it died by SIGKILL after hitting the limit). */
  outOfMemory: boolean;
  pidsLimitHit: boolean;
}

/** How jobs are isolated on this host (decided once at start-up). */
export interface SandboxMode {
  kind: 'bubblewrap' | 'none';
  /** Drop to this uid/gid before bwrap (only when the service runs as root). */
  uid: number | undefined;
  cgroups: CgroupManager | undefined;
  bwrap: string;
  setpriv: string;
  /** Compiled seccomp deny-list handed to bwrap (`--seccomp 3`); absent off x86-64. */
  seccomp?: Buffer | undefined;
}

/** Where the job dir appears to the program. */
export function jobRoot(mode: SandboxMode, jobDir: string): string {
  return mode.kind === 'bubblewrap' ? '/job' : jobDir;
}

/**
 * Runs one program inside the process ladder (docs/SECURITY.md, "Isolation layers"): a root
 * shell joins the job's cgroups, drops to the sandbox uid, sets rlimits and execs bwrap. The
 * launcher gets an explicit minimal environment (bwrap's PID 1 keeps its parent's environment,
 * readable via /proc/1/environ).
 */
export function launch(mode: SandboxMode, spec: LaunchSpec): Promise<LaunchResult> {
  return begin(mode, spec, false).start();
}

/** A sandbox set up ahead of need, its program not yet executed. */
export interface PreparedLaunch {
  /**
   * Lets the program run (its wall clock starts now); resolves when it has ended. `signal`
   * kills it like the spec's own, for a sandbox prepared before its job had one (the pool).
   */
  start(signal?: AbortSignal): Promise<LaunchResult>;
  /** Kills it if it was never started (a no-op after `start`); resolves once its cgroup is gone. */
  cancel(): Promise<void>;
  /** The `cgroup.procs` files of its job cgroup (none without cgroups): where its tasks are. */
  procsFiles(): string[];
  /** Its launcher has exited: killed from outside while it waited, or ended after `start`. */
  ended(): boolean;
}

/**
 * Starts the whole ladder now — cgroup, uid drop, rlimits, namespaces, mounts — with bwrap
 * blocked on `--block-fd` right before it loads seccomp and execs the program, so a later step
 * (link, run) finds its sandbox ready while the earlier one works. Same ladder, same flags and
 * limits as `launch`; only the moment of exec differs. Without bubblewrap there is nothing to
 * set up ahead, and the process simply starts on `start()`.
 */
export function prepareLaunch(mode: SandboxMode, spec: LaunchSpec): PreparedLaunch {
  if (mode.kind !== 'bubblewrap') {
    return {
      start: (signal) => launch(mode, { ...spec, signal: signal ?? spec.signal }),
      cancel: () => Promise.resolve(),
      procsFiles: () => [],
      ended: () => false,
    };
  }
  return begin(mode, spec, true);
}

/** The CPU quota of every job's cgroup, in cores. */
export const JOB_CPUS = 1;

function begin(mode: SandboxMode, spec: LaunchSpec, blocked: boolean): PreparedLaunch {
  const group = mode.cgroups?.create({
    memoryBytes: spec.memoryBytes,
    pids: spec.pids,
    cpus: JOB_CPUS,
  });
  const [cmd, args] =
    mode.kind === 'bubblewrap'
      ? ladder(mode, spec, group?.procsFiles() ?? [], blocked ? BLOCK_FD : undefined)
      : direct(spec);
  // fd 3 is a pipe carrying the seccomp program through sh and setpriv to bwrap, which
  // reads it to EOF and closes it. No file: one in a shared tmp dir can be planted first
  // (docs/SECURITY.md, finding S1). fd 4 (prepared launches) releases bwrap: it reads one byte
  // and closes it before exec, so the program never holds it.
  const filter = mode.kind === 'bubblewrap' ? mode.seccomp : undefined;
  const stdio: ('ignore' | 'pipe')[] = ['ignore', 'pipe', 'pipe'];
  if (filter !== undefined || blocked) stdio.push(filter !== undefined ? 'pipe' : 'ignore');
  if (blocked) stdio.push('pipe');
  const child = spawn(cmd, args, {
    env: mode.kind === 'bubblewrap' ? { PATH: '/usr/bin:/bin' } : spec.env,
    cwd: mode.kind === 'bubblewrap' ? '/' : spec.jobDir,
    detached: true,
    stdio,
  });
  const pipeAt = (fd: number): Writable => {
    const sink = child.stdio[fd] as Writable | null;
    if (!sink) throw new Error(`launch: fd ${fd} is not a pipe`);
    // A launcher that dies before bwrap reads the pipe closes it: its exit is the error the
    // caller sees, not EPIPE here.
    sink.on('error', () => undefined);
    return sink;
  };
  if (filter !== undefined) pipeAt(3).end(filter);
  const gate = blocked ? pipeAt(BLOCK_FD) : undefined;
  let timedOut = false;
  let aborted = false;
  const kill = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    group?.killAll();
  };
  // Both are pipes by construction; the checks only narrow the types.
  if (!child.stdout || !child.stderr) throw new Error('launch: stdout/stderr are not pipes');
  const stdout = capture(child.stdout, spec.stdoutCap, kill);
  const stderr = capture(child.stderr, spec.stderrCap, kill);
  const onAbort = (): void => {
    aborted = true;
    kill();
  };
  const signals: AbortSignal[] = [];
  const listen = (signal: AbortSignal | undefined): void => {
    if (signal === undefined) return;
    signals.push(signal);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  };
  listen(spec.signal);
  let started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let exited = false;
  child.on('exit', () => (exited = true));
  const closed = new Promise<[number | null, string | null]>((resolve, reject) => {
    child.on('error', (e) => {
      exited = true;
      reject(e);
    });
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  const finished = (async (): Promise<LaunchResult> => {
    try {
      const [exitCode, signal] = await closed;
      const wallMs = performance.now() - started;
      // Grandchildren may outlive the launcher for a moment; the group must be empty first.
      const verdict = group?.verdict();
      const oomByExit =
        verdict?.memoryLimitHit === true && (signal === 'SIGKILL' || exitCode === 137);
      return {
        exitCode,
        signal,
        stdout: stdout(),
        stderr: stderr(),
        wallMs,
        cpuMs: verdict?.cpuMs ?? 0,
        timedOut,
        aborted,
        outOfMemory: verdict?.oomKilled === true || oomByExit,
        pidsLimitHit: verdict?.pidsLimitHit ?? false,
      };
    } finally {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
      await group?.destroy();
    }
  })();
  // Nobody may await a prepared launch that is cancelled: its failure must not go unhandled.
  finished.catch(() => undefined);
  let released = false;
  const release = (): void => {
    released = true;
    started = performance.now();
    timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, spec.wallMs);
    gate?.end('x');
  };
  if (!blocked) release();
  return {
    start: (signal) => {
      listen(signal);
      if (!released) release();
      return finished;
    },
    cancel: async () => {
      if (!released) {
        // Killed, never released: EOF on the gate would let bwrap exec, so the kill comes first.
        aborted = true;
        kill();
      }
      await finished.catch(() => undefined);
    },
    procsFiles: () => group?.procsFiles() ?? [],
    ended: () => exited,
  };
}

/** The fd a prepared launch's bwrap waits on. */
const BLOCK_FD = 4;

function ladder(
  mode: SandboxMode,
  spec: LaunchSpec,
  procsFiles: string[],
  blockFd: number | undefined,
): [string, string[]] {
  const bw: string[] = [
    mode.bwrap,
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(64 * 1024 * 1024),
    '--tmpfs',
    '/tmp',
    ...(mode.seccomp ? ['--seccomp', '3'] : []),
    ...(blockFd !== undefined ? ['--block-fd', String(blockFd)] : []),
  ];
  // Binds after the /tmp tmpfs, or it would hide a state dir that lives under /tmp.
  for (const b of spec.binds) bw.push(b.writable ? '--bind' : '--ro-bind', b.src, b.dst);
  bw.push(spec.jobWritable ? '--bind' : '--ro-bind', spec.jobDir, '/job', '--chdir', '/job');
  bw.push('--clearenv');
  for (const [k, v] of Object.entries(spec.env)) bw.push('--setenv', k, v);
  // Last: bwrap's root tmpfs is writable otherwise.
  bw.push('--remount-ro', '/', ...spec.argv);
  const drop =
    mode.uid === undefined
      ? []
      : [
          mode.setpriv,
          `--reuid=${mode.uid}`,
          `--regid=${mode.uid}`,
          '--clear-groups',
          '--no-new-privs',
        ];
  // The root shell joins the cgroups and sets the rlimits (soft and hard, so the job cannot raise
  // them) before anything else runs; either failing stops the ladder. `ulimit -f` counts 512-byte
  // blocks. Builtins, not prlimit(1): each exec costs this VM about 4 ms, on every step.
  const rlimits = `ulimit -f ${Math.floor(spec.fileBytes / 512)} && ulimit -n 256 && ulimit -c 0`;
  const script =
    'for f; do [ "$f" = -- ] && break; echo $$ > "$f" || exit 126; shift; done; shift; ' +
    `${rlimits} || exit 126; exec "$@"`;
  return ['/bin/sh', ['-c', script, 'sh', ...procsFiles, '--', ...drop, ...bw]];
}

function direct(spec: LaunchSpec): [string, string[]] {
  const [cmd, ...args] = spec.argv;
  if (cmd === undefined) throw new Error('empty argv');
  return [cmd, args];
}
