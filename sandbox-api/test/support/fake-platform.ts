import type { Platform } from '../../src/platform.ts';
import type { LaunchResult, LaunchSpec } from '../../src/sandbox/launch.ts';

/** The sandboxed steps as the fake runner tells them apart (by the tool in argv[0]). */
export type FakeStepName = 'compile' | 'link' | 'run';

/** What one fake step answers; `hold` keeps it running until the promise settles. */
export interface FakeStep extends Partial<Omit<LaunchResult, 'stdout' | 'stderr'>> {
  stdout?: string;
  stderr?: string;
  hold?: Promise<void>;
}

export type FakeScript = Partial<Record<FakeStepName, FakeStep>>;

/** One launch the fake runner received. */
export interface FakeCall {
  step: FakeStepName;
  spec: LaunchSpec;
}

const TOOLCHAIN = { version: 'go1.26.8', hostGoroot: '/fake/go', goos: 'linux', goarch: 'amd64' };

/**
 * A host with one "go1.26.8", no sandbox, and a process runner that answers each step from
 * `script()` (default: exit 0, no output) and records the call. Nothing runs: the HTTP table
 * tests check the service's own decisions (status, body, caching, headers) in milliseconds.
 */
export function fakePlatform(
  script: () => FakeScript,
  overrides: Partial<Platform> = {},
): { platform: Partial<Platform>; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const platform: Partial<Platform> = {
    findToolchains: () => [TOOLCHAIN],
    detectSandbox: () =>
      Promise.resolve({
        mode: {
          kind: 'none',
          uid: undefined,
          cgroups: undefined,
          bwrap: '',
          setpriv: '',
        },
        note: 'fake platform',
      }),
    warmToolchain: (tc, _stateDir, _log, goexperiment) =>
      Promise.resolve({
        ...tc,
        goroot: '/fake/go',
        gocache: '/fake/cache',
        importcfg: '/fake/importcfg',
        link: { importcfg: '/fake/importcfg', gocache: '/fake/cache' },
        stdPackages: new Set(['fmt', 'os', 'io', 'strings', 'bytes']),
        goexperiment,
      }),
    buildLinkStd: () => Promise.resolve(undefined),
    isWarmOnDisk: () => false,
    sweepCgroups: () => Promise.resolve(0),
    runner: {
      launch: (_mode, spec) => launch(spec),
      prepare: (_mode, spec) => ({
        start: () => launch(spec),
        cancel: () => Promise.resolve(),
        procsFiles: () => [],
        ended: () => false,
      }),
    },
    ...overrides,
  };
  async function launch(spec: LaunchSpec): Promise<LaunchResult> {
    const tool = spec.argv[0] ?? '';
    const step: FakeStepName = tool.endsWith('/compile')
      ? 'compile'
      : tool.endsWith('/link')
        ? 'link'
        : 'run';
    calls.push({ step, spec });
    const { hold, stdout = '', stderr = '', ...rest } = script()[step] ?? {};
    await hold;
    return {
      exitCode: 0,
      signal: null,
      wallMs: 1,
      cpuMs: 1,
      timedOut: false,
      aborted: false,
      outOfMemory: false,
      pidsLimitHit: false,
      ...rest,
      stdout: { text: stdout, truncated: false },
      stderr: { text: stderr, truncated: false },
    };
  }
  return { platform, calls };
}
