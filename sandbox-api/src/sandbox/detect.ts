import fs from 'node:fs';
import { detectCgroups } from './cgroup.ts';
import { launch, type SandboxMode } from './launch.ts';
import { seccompFilter } from './seccomp.ts';

/** The sandbox this host supports, and why it is weaker when it is. */
export interface DetectedSandbox {
  mode: SandboxMode;
  note: string | undefined;
  /** Set when jobs must not run at all: the sandbox is installed but does not work. */
  broken?: string;
}

const TOOLS = { bwrap: '/usr/bin/bwrap', setpriv: '/usr/bin/setpriv' };

/**
 * bubblewrap + setpriv (+ v1 or v2 cgroups when root) when they work here, else none.
 * Works means: a probe runs `go version` inside the full ladder.
 */
export async function detectSandbox(opts: {
  uid: number;
  force: 'none' | undefined;
  probeGoroot: string;
  /** An empty job dir for the probe, in the checked state dir (never in shared tmp). */
  probeDir: string;
}): Promise<DetectedSandbox> {
  const none = (note: string): DetectedSandbox => ({
    mode: { kind: 'none', uid: undefined, cgroups: undefined, ...TOOLS },
    note,
  });
  if (opts.force === 'none')
    return none('sandbox disabled by configuration: jobs run as this process, unisolated');
  const missing = Object.values(TOOLS).filter((t) => !fs.existsSync(t));
  if (missing.length > 0) {
    return none(
      `${missing.join(', ')} not found (install bubblewrap and util-linux): jobs run unisolated`,
    );
  }
  const root = process.getuid?.() === 0;
  const cgroups = root ? detectCgroups() : undefined;
  const mode: SandboxMode = {
    kind: 'bubblewrap',
    uid: root ? opts.uid : undefined,
    cgroups,
    ...TOOLS,
    seccomp: seccompFilter(),
  };
  const probe = await launch(mode, {
    argv: [`${opts.probeGoroot}/bin/go`, 'version'],
    env: { HOME: '/tmp', GOTOOLCHAIN: 'local' },
    jobDir: opts.probeDir,
    jobWritable: false,
    binds: [{ src: opts.probeGoroot, dst: opts.probeGoroot, writable: false }],
    wallMs: 10_000,
    memoryBytes: 1024 * 1024 * 1024,
    pids: 64,
    fileBytes: 1024 * 1024,
    stdoutCap: 4096,
    stderrCap: 4096,
  });
  if (probe.exitCode !== 0) {
    const why = (probe.stderr.text || probe.stdout.text).trim().split('\n')[0] ?? 'unknown error';
    // As root, "unisolated" would mean strangers' code running as root: fail closed instead.
    if (root) {
      const broken = `the sandbox is installed but its probe failed (${why}); no jobs run until it works`;
      return { mode, note: broken, broken };
    }
    return none(`bubblewrap probe failed (${why}): jobs run unisolated`);
  }
  const notes: string[] = [];
  if (!root) notes.push('not root: jobs run as this user inside bubblewrap, without cgroup limits');
  if (!mode.seccomp) notes.push('no seccomp filter on this architecture');
  else if (!cgroups)
    notes.push(
      'no writable cgroup v1 memory/pids/cpu nor a delegated v2 subtree: no per-job memory or process limits',
    );
  return { mode, note: notes.length > 0 ? notes.join('; ') : undefined };
}
