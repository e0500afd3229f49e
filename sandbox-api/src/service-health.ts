import type { JobBackend } from './job-backend.ts';
import type { HealthResponse, ToolchainInfo } from './protocol.ts';
import type { SandboxMode } from './sandbox/launch.ts';
import type { Toolchain } from './toolchain/discover.ts';
import type { ToolchainWarmer } from './toolchain/toolchain-warmer.ts';

/** What health reports on. */
export interface HealthDeps {
  found: Toolchain[];
  defaultVersion: string;
  backend: JobBackend;
  warmer: ToolchainWarmer;
  sandbox: SandboxMode;
  detected: { broken?: string | undefined; note?: string | undefined };
  cache: () => { entries: number; hits: number; misses: number };
  started: number;
}

/** With worker hosts, a toolchain is ready when a live worker offers it (workers warm their own). */
export function isReady(d: Pick<HealthDeps, 'backend' | 'warmer'>, version: string): boolean {
  return d.backend.remote
    ? (d.backend.offered?.().includes(version) ?? false)
    : d.warmer.isWarm(version);
}

export function toolchainInfo(
  d: Pick<HealthDeps, 'backend' | 'warmer'>,
  t: Toolchain,
): ToolchainInfo {
  return { version: t.version, goos: t.goos, goarch: t.goarch, ready: isReady(d, t.version) };
}

/** `GET /health`: down when the sandbox is broken, degraded while anything is wrong or cold. */
export function serviceHealth(d: HealthDeps): HealthResponse {
  const { backend, sandbox, detected, warmer } = d;
  const defaultReady = isReady(d, d.defaultVersion);
  const problems = warmer.problems;
  return {
    status: detected.broken
      ? 'down'
      : problems.length > 0
        ? 'degraded'
        : defaultReady
          ? 'ok'
          : 'degraded',
    toolchains: d.found.map((t) => toolchainInfo(d, t)),
    queue: backend.queueStats(),
    ...backend.healthExtras?.(),
    sandbox: {
      mode: sandbox.kind,
      cgroups: sandbox.cgroups !== undefined,
      ...(sandbox.cgroups ? { cgroupVersion: sandbox.cgroups.version } : {}),
      ...(sandbox.uid !== undefined ? { uid: sandbox.uid } : {}),
      ...(detected.note !== undefined ? { note: detected.note } : {}),
    },
    cache: d.cache(),
    uptimeSeconds: (Date.now() - d.started) / 1000,
    problems:
      defaultReady || warmer.isWarming(d.defaultVersion)
        ? [...problems]
        : [
            ...problems,
            backend.remote
              ? `no live worker offers ${d.defaultVersion}`
              : `${d.defaultVersion} is not warm yet`,
          ],
  };
}
