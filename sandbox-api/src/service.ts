import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerAnalyze, type Answer } from './answer-analyze.ts';
import { defaultConfig, type ServiceConfig } from './config.ts';
import { ApiFailure } from './errors.ts';
import { formatSource } from './format/format-source.ts';
import { embeddedBackend, type JobBackend, type JobSpec } from './job-backend.ts';
import { jobRunner } from './job-runner.ts';
import { Lru } from './lru.ts';
import type { ServiceObserver } from './metrics/observer.ts';
import type { JobOutcome } from './pipeline/analyze-job.ts';
import { compilePool, type IdleSandboxes } from './pipeline/compile-pool.ts';
import { createWorkspace, sweepWorkspaces } from './pipeline/workspace.ts';
import { hostPlatform, type Platform } from './platform.ts';
import type {
  AnalyzeResponse,
  FormatRequest,
  FormatResponse,
  HealthResponse,
  NormalizedAnalyzeRequest,
  ToolchainsResponse,
} from './protocol.ts';
import { benchTmpfsRoot } from './sandbox/bench-tmpfs.ts';
import { serviceHealth, toolchainInfo } from './service-health.ts';
import { prepareStateDir } from './state-dir.ts';
import type { Toolchain } from './toolchain/discover.ts';
import { toolchainWarmer } from './toolchain/toolchain-warmer.ts';
import type { WarmToolchain } from './toolchain/warm.ts';
import { unavailableService } from './unavailable-service.ts';

export type { ServiceConfig } from './config.ts';
export type { Answer } from './answer-analyze.ts';
export { ApiFailure } from './errors.ts';

/** The analysis service, usable in-process (scripts, tests) or behind HTTP (app.ts). */
export interface Service {
  /** Throws ApiFailure for 4xx/5xx; a user's compile error is a normal response with ok:false. */
  analyze(req: NormalizedAnalyzeRequest, opts?: { signal?: AbortSignal }): Promise<AnalyzeResponse>;
  /**
   * `analyze` before the result is copied into a response: the stored result object (the same
   * for every delivery of it) and this delivery's `cached` and `timing`. The HTTP layer keeps
   * one serialised, signed body per stored result (`cache/response-bodies.ts`).
   */
  answer(req: NormalizedAnalyzeRequest, opts?: { signal?: AbortSignal }): Promise<Answer>;
  health(): HealthResponse;
  toolchains(): ToolchainsResponse;
  /** Resolves once `version` (default: the default toolchain) is warm. */
  warm(version?: string): Promise<void>;
  /**
   * Runs one validated job on this process's toolchains, bypassing queue and cache: what a
   * worker host does with a job it took from the shared queue.
   */
  runJob(spec: JobSpec, signal?: AbortSignal): Promise<JobOutcome>;
  /** gofmt of one file on the default toolchain, sandboxed (format/format-source.ts). */
  format(req: FormatRequest, opts?: { signal?: AbortSignal }): Promise<FormatResponse>;
  readonly config: Readonly<ServiceConfig>;
  /** How jobs are isolated ("none" means unsandboxed). */
  readonly sandboxKind: 'bubblewrap' | 'none';
  /** The compile sandboxes set up ahead and not yet used (what leftover checks must allow). */
  idleSandboxes(): IdleSandboxes;
  close(): Promise<void>;
}

/** Where jobs run and who hears about them; both default to this process alone. */
export interface ServiceWiring {
  /** Default: the embedded pool sized by `config.workers` / `config.maxWaiting`. */
  backend?: JobBackend;
  observer?: ServiceObserver;
  /** Default: this host (`hostPlatform`); tests replace parts, such as the process runner. */
  platform?: Partial<Platform>;
}

/**
 * Finds toolchains, decides the sandbox, and returns the service. The standard library is
 * compiled once per toolchain into the state dir (reused by later processes), at start when
 * `warmAtStart`, else on first use.
 */
export async function createService(
  overrides: Partial<ServiceConfig> = {},
  wiring: ServiceWiring = {},
): Promise<Service> {
  const config: ServiceConfig = { ...defaultConfig(), ...overrides };
  const started = Date.now();
  const platform: Platform = { ...hostPlatform, ...wiring.platform };
  // Refuses (throws StateDirError) a state dir another local user could have prepared.
  prepareStateDir(config.stateDir);
  fs.mkdirSync(path.join(config.stateDir, 'jobs'), { recursive: true, mode: 0o755 });
  sweepWorkspaces(config.stateDir);
  sweepWorkspaces(benchTmpfsRoot(config.stateDir));
  if (process.getuid?.() === 0) await platform.sweepCgroups();

  let found: Toolchain[];
  try {
    found = platform.findToolchains();
  } catch (e) {
    const why = `no working Go toolchain: ${(e as Error).message.trim().split('\n').at(-1) ?? ''}`;
    config.log(`ERROR: ${why}`);
    return unavailableService(config, why);
  }
  const defaultVersion = config.defaultToolchain ?? found[0]!.version;
  const known = new Map<string, Toolchain>(found.map((t) => [t.version, t]));
  if (!known.has(defaultVersion)) throw new Error(`default toolchain ${defaultVersion} not found`);

  const probe = createWorkspace(config.stateDir, [], undefined);
  const detected = await platform
    .detectSandbox({
      uid: config.sandboxUid,
      force: config.forceUnsandboxed ? 'none' : undefined,
      probeGoroot: known.get(found[0]!.version)!.hostGoroot,
      probeDir: probe.dir,
    })
    .finally(() => probe.remove());
  const sandbox = detected.mode;
  if (detected.broken) config.log(`ERROR: ${detected.broken}`);
  else if (sandbox.kind === 'none')
    config.log(`WARNING: running UNSANDBOXED: ${detected.note ?? ''}`);
  else if (detected.note) config.log(`sandbox: bubblewrap (${detected.note})`);

  const problems: string[] = detected.broken ? [detected.broken] : [];
  const warmer = toolchainWarmer(platform, known, config, problems);
  const ensureWarm = (version: string): Promise<WarmToolchain> => warmer.ensureWarm(version);
  if (config.warmAtStart) await ensureWarm(defaultVersion);
  // Toolchains warmed by an earlier process only need their stamp read: report them ready.
  for (const t of found) {
    if (t.version !== defaultVersion && platform.isWarmOnDisk(t.version, config.stateDir)) {
      ensureWarm(t.version).catch(() => undefined);
    }
  }

  const cache = new Lru<JobOutcome['response']>(config.cacheEntries, {
    maxBytes: config.cacheBytes,
    // Twice the JSON: the HTTP layer keeps each result's signed body beside it (response-bodies.ts).
    sizeOf: (r) => 2 * JSON.stringify(r).length,
  });
  const stats = { hits: 0, misses: 0 };
  const backend =
    wiring.backend ?? embeddedBackend({ workers: config.workers, maxWaiting: config.maxWaiting });
  const observer = wiring.observer;
  let formatsRunning = 0;
  const pool = compilePool(config.readySandboxes, config.log);
  const runJob = jobRunner({ config, known, warmer, sandbox, platform, observer, pool });
  const answer = answerAnalyze({
    config,
    broken: detected.broken,
    known,
    defaultVersion,
    backend,
    cache,
    stats,
    observer,
    cores: os.availableParallelism(),
    runJob,
  });
  const health = { found, defaultVersion, backend, warmer, sandbox, detected, started };

  return {
    config,
    sandboxKind: sandbox.kind,
    answer,
    analyze: async (req, opts) => {
      const a = await answer(req, opts);
      return { ...a.result, cached: a.cached, timing: a.timing };
    },
    runJob,
    format: async (req, opts = {}) => {
      if (detected.broken) {
        throw new ApiFailure(503, { code: 'unavailable', message: detected.broken }, 60);
      }
      // Formats skip the job queue (they take milliseconds), so they get their own bound.
      if (formatsRunning >= config.workers) {
        throw new ApiFailure(503, { code: 'unavailable', message: 'formatter busy' }, 1);
      }
      formatsRunning++;
      try {
        const { goroot } = await ensureWarm(defaultVersion);
        return await formatSource(
          { config, sandbox, goroot, launch: platform.runner.launch },
          req.source,
          opts.signal,
        );
      } finally {
        formatsRunning--;
      }
    },
    warm: async (version = defaultVersion) => {
      await ensureWarm(version);
    },
    toolchains: () => ({
      default: defaultVersion,
      toolchains: found.map((t) => toolchainInfo(health, t)),
    }),
    health: () =>
      serviceHealth({
        ...health,
        cache: () => ({ entries: cache.size, hits: stats.hits, misses: stats.misses }),
      }),
    idleSandboxes: () => pool.idle(),
    close: async () => {
      await backend.close();
      await pool.close();
      await warmer.close();
      sandbox.cgroups?.removeParent();
    },
  };
}
