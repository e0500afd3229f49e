import type { ServiceConfig } from '../config.ts';
import { ApiFailure, badRequest } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { Toolchain } from './discover.ts';
import { warmDir, type WarmToolchain } from './warm.ts';

/** Warms toolchains on demand, once each, and remembers what failed for health. */
export interface ToolchainWarmer {
  /** Keyed by version, or `version+experiment` for a GOEXPERIMENT build (its own warm cache). */
  ensureWarm(version: string, goexperiment?: string): Promise<WarmToolchain>;
  isWarm(key: string): boolean;
  isWarming(key: string): boolean;
  /** Warming failures (and the sandbox's own problem, if any), for health. */
  readonly problems: string[];
  /** Stops a link std build in progress (`link-std.ts`); jobs keep the master cache. */
  close(): Promise<void>;
}

/**
 * The standard library is compiled once per toolchain into the state dir (reused by later
 * processes). A failed warm-up is forgotten so the next request tries again, and answers 503.
 */
export function toolchainWarmer(
  platform: Platform,
  known: ReadonlyMap<string, Toolchain>,
  config: ServiceConfig,
  problems: string[],
): ToolchainWarmer {
  /** Keys whose warm-up finished (for health); the toolchains themselves are in `warming`. */
  const warmed = new Set<string>();
  const warming = new Map<string, Promise<WarmToolchain>>();
  const closing = new AbortController();
  const linkBuilds: Promise<void>[] = [];
  /**
   * Once the master std is warm, the linker's own std (no DWARF) is built in the background;
   * when it is ready, later jobs get the toolchain with it. A failure only costs the speed-up.
   */
  const upgradeLink = (key: string, w: WarmToolchain): void => {
    if (w.link.importcfg !== w.importcfg || w.goexperiment !== undefined) return;
    const dir = warmDir(config.stateDir, w.version);
    linkBuilds.push(
      platform.buildLinkStd(w, dir, config.log, closing.signal).then(
        (link) => {
          if (link !== undefined && !closing.signal.aborted)
            warming.set(key, Promise.resolve({ ...w, link }));
        },
        (e: unknown) => config.log(`link std for ${key}: ${(e as Error).message}`),
      ),
    );
  };
  const ensureWarm = (version: string, goexperiment?: string): Promise<WarmToolchain> => {
    const key = goexperiment ? `${version}+${goexperiment}` : version;
    let p = warming.get(key);
    if (!p) {
      const tc = known.get(version);
      if (!tc)
        return Promise.reject(badRequest('unknown_toolchain', `unknown toolchain ${version}`));
      p = platform.warmToolchain(tc, config.stateDir, config.log, goexperiment).then(
        (w) => {
          warmed.add(key);
          upgradeLink(key, w);
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
  return {
    ensureWarm,
    isWarm: (key) => warmed.has(key),
    isWarming: (key) => warming.has(key),
    problems,
    close: async () => {
      closing.abort();
      await Promise.all(linkBuilds);
    },
  };
}
