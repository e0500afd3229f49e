import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig, type ServiceConfig } from './config.ts';
import { cacheKey } from './cache-key.ts';
import { ApiFailure, badRequest, cancelled, invalidRequest } from './errors.ts';
import { splitTxtar } from './input/txtar.ts';
import { validateFiles } from './input/validate-files.ts';
import { Lru } from './lru.ts';
import { analyzeJob } from './pipeline/analyze-job.ts';
import { makePathStripper } from './pipeline/strip-paths.ts';
import { createWorkspace, sweepWorkspaces } from './pipeline/workspace.ts';
import {
  AnalyzeRequestSchema,
  type AnalyzeResponse,
  type FormatRequest,
  type FormatResponse,
  type HealthResponse,
  type NormalizedAnalyzeRequest,
  type ToolchainInfo,
  type ToolchainsResponse,
} from './protocol.ts';
import { prepareStateDir } from './state-dir.ts';
import { benchTmpfsRoot } from './sandbox/bench-tmpfs.ts';
import { embeddedBackend, type JobBackend, type JobSpec } from './job-backend.ts';
import type { JobOutcome } from './pipeline/analyze-job.ts';
import { jobOutcomeLabel, type ServiceObserver } from './metrics/observer.ts';
import { jobRoot, type LaunchSpec } from './sandbox/launch.ts';
import type { Toolchain } from './toolchain/discover.ts';
import { unavailableService } from './unavailable-service.ts';
import { formatSource } from './format/format-source.ts';
import type { WarmToolchain } from './toolchain/warm.ts';
import { hostPlatform, type Platform } from './platform.ts';

export type { ServiceConfig } from './config.ts';

/**
 * The service's own disk failing (full, read-only) is not the user's fault and not a crash:
 * a 503 that says so, so clients retry instead of reporting a bug.
 */
function scratch<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ApiFailure(
      503,
      {
        code: 'unavailable',
        message: `the service's scratch disk is not usable right now (${code}); try again shortly`,
      },
      10,
    );
  }
}
export { ApiFailure } from './errors.ts';

/** The analysis service, usable in-process (scripts, tests) or behind HTTP (app.ts). */
export interface Service {
  /** Throws ApiFailure for 4xx/5xx; a user's compile error is a normal response with ok:false. */
  analyze(req: NormalizedAnalyzeRequest, opts?: { signal?: AbortSignal }): Promise<AnalyzeResponse>;
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

  const warmed = new Map<string, WarmToolchain>();
  const warming = new Map<string, Promise<WarmToolchain>>();
  const problems: string[] = detected.broken ? [detected.broken] : [];
  // Keyed by version, or `version+experiment` for a GOEXPERIMENT build (its own warm cache).
  const ensureWarm = (version: string, goexperiment?: string): Promise<WarmToolchain> => {
    const key = goexperiment ? `${version}+${goexperiment}` : version;
    let p = warming.get(key);
    if (!p) {
      const tc = known.get(version);
      if (!tc)
        return Promise.reject(badRequest('unknown_toolchain', `unknown toolchain ${version}`));
      p = platform.warmToolchain(tc, config.stateDir, config.log, goexperiment).then(
        (w) => {
          warmed.set(key, w);
          return w;
        },
        (e: unknown) => {
          warming.delete(key);
          problems.push(`warming ${key} failed: ${(e as Error).message}`);
          throw new ApiFailure(503, {
            code: 'unavailable',
            message: `toolchain ${version} is not available right now`,
          });
        },
      );
      warming.set(key, p);
    }
    return p;
  };
  if (config.warmAtStart) await ensureWarm(defaultVersion);
  // Toolchains warmed by an earlier process only need their stamp read: report them ready.
  for (const t of found) {
    if (t.version !== defaultVersion && platform.isWarmOnDisk(t.version, config.stateDir)) {
      ensureWarm(t.version).catch(() => undefined);
    }
  }

  const cache = new Lru<JobOutcome['response']>(config.cacheEntries, {
    maxBytes: config.cacheBytes,
    sizeOf: (r) => JSON.stringify(r).length,
  });
  const stats = { hits: 0, misses: 0 };
  const backend =
    wiring.backend ?? embeddedBackend({ workers: config.workers, maxWaiting: config.maxWaiting });
  const observer = wiring.observer;
  const cores = os.availableParallelism();
  let formatsRunning = 0;

  // With worker hosts, a toolchain is ready when a live worker offers it (workers warm their own).
  const isReady = (version: string): boolean =>
    backend.remote ? (backend.offered?.().includes(version) ?? false) : warmed.has(version);
  const info = (t: Toolchain): ToolchainInfo => ({
    version: t.version,
    goos: t.goos,
    goarch: t.goarch,
    ready: isReady(t.version),
  });

  const runJob = async (spec: JobSpec, signal?: AbortSignal): Promise<JobOutcome> => {
    const started = performance.now();
    try {
      if (!known.has(spec.version)) {
        throw new ApiFailure(503, {
          code: 'unavailable',
          message: `toolchain ${spec.version} is not installed here`,
        });
      }
      const toolchain = await ensureWarm(spec.version, spec.req.env.GOEXPERIMENT);
      const ws = scratch(() => createWorkspace(config.stateDir, spec.files, sandbox.uid));
      try {
        const root = jobRoot(sandbox, ws.dir);
        const strip = makePathStripper([root, ws.dir], toolchain.goroot, config.stateDir);
        const jobSignal = signal ?? new AbortController().signal;
        const { runner } = platform;
        const out = await analyzeJob(
          {
            config,
            sandbox,
            toolchain,
            jobDir: ws.dir,
            root,
            strip,
            signal: jobSignal,
            launch: (s: LaunchSpec) => runner.launch(sandbox, s),
            prepare: (s: LaunchSpec) => runner.prepare(sandbox, s),
          },
          spec.req,
          spec.files,
        );
        observer?.job(jobOutcomeLabel(out.response), (performance.now() - started) / 1000);
        return out;
      } finally {
        ws.remove();
      }
    } catch (e) {
      observer?.job('error', (performance.now() - started) / 1000);
      throw e;
    }
  };

  const analyze = async (
    input: NormalizedAnalyzeRequest,
    opts: { signal?: AbortSignal } = {},
  ): Promise<AnalyzeResponse> => {
    const t0 = performance.now();
    // In-process callers (scripts, tests) may pass hand-built objects: normalize them here too.
    const parsed = AnalyzeRequestSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const req = parsed.data;
    if (detected.broken) {
      throw new ApiFailure(503, { code: 'unavailable', message: detected.broken }, 60);
    }
    const files = validateFiles(
      req.txtar !== undefined ? splitTxtar(req.txtar) : (req.files ?? []),
      config,
    );
    const version = req.toolchain ?? defaultVersion;
    // With worker hosts, a toolchain this node lacks may still be served: the backend decides.
    if (!known.has(version) && !backend.remote) {
      throw badRequest(
        'unknown_toolchain',
        `unknown toolchain ${version}; available: ${[...known.keys()].join(', ')}`,
      );
    }
    if (req.env.GOMAXPROCS !== undefined && Number(req.env.GOMAXPROCS) > cores) {
      throw badRequest('invalid_request', `GOMAXPROCS may be at most ${cores} here`);
    }
    const key = cacheKey(req, files, version);
    let hit = cache.get(key);
    if (hit) observer?.cache('memory');
    else {
      hit = await backend.cached?.(key);
      if (hit) {
        observer?.cache('shared');
        cache.set(key, hit);
      }
    }
    if (hit) {
      stats.hits++;
      const totalMs = performance.now() - t0;
      return {
        ...hit,
        cached: true,
        timing: { queueMs: 0, compileMs: 0, linkMs: 0, runMs: 0, totalMs },
      };
    }
    stats.misses++;
    observer?.cache('miss');
    const enqueued = performance.now();
    const spec: JobSpec = { key, req, files, version };
    const outcome = await backend.run(
      spec,
      async (signal) => {
        const queueMs = performance.now() - enqueued;
        if (signal.aborted) throw cancelled();
        const out = await runJob(spec, signal);
        out.response.timing.queueMs = queueMs;
        return out;
      },
      opts.signal,
    );
    const clean = outcome.response.ok && !outcome.response.run?.killedReason;
    if (outcome.cacheable || (req.reuse && clean)) cache.set(key, outcome.response);
    const timing = { ...outcome.response.timing, totalMs: performance.now() - t0 };
    return { ...outcome.response, cached: false, timing };
  };

  return {
    config,
    sandboxKind: sandbox.kind,
    analyze,
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
    toolchains: () => ({ default: defaultVersion, toolchains: found.map(info) }),
    health: () => {
      const defaultReady = isReady(defaultVersion);
      return {
        status: detected.broken
          ? 'down'
          : problems.length > 0
            ? 'degraded'
            : defaultReady
              ? 'ok'
              : 'degraded',
        toolchains: found.map(info),
        queue: backend.queueStats(),
        ...backend.healthExtras?.(),
        sandbox: {
          mode: sandbox.kind,
          cgroups: sandbox.cgroups !== undefined,
          ...(sandbox.cgroups ? { cgroupVersion: sandbox.cgroups.version } : {}),
          ...(sandbox.uid !== undefined ? { uid: sandbox.uid } : {}),
          ...(detected.note !== undefined ? { note: detected.note } : {}),
        },
        cache: { entries: cache.size, hits: stats.hits, misses: stats.misses },
        uptimeSeconds: (Date.now() - started) / 1000,
        problems:
          defaultReady || warming.has(defaultVersion)
            ? [...problems]
            : [
                ...problems,
                backend.remote
                  ? `no live worker offers ${defaultVersion}`
                  : `${defaultVersion} is not warm yet`,
              ],
      };
    },
    close: async () => {
      await backend.close();
      sandbox.cgroups?.removeParent();
    },
  };
}
