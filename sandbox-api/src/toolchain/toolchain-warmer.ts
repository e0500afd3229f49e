import type { ServiceConfig } from '../config.ts';
import { ApiFailure, badRequest } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { Toolchain } from './discover.ts';
import type { WarmToolchain } from './warm.ts';

/** Warms toolchains on demand, once each, and remembers what failed for health. */
export interface ToolchainWarmer {
  /** Keyed by version, or `version+experiment` for a GOEXPERIMENT build (its own warm cache). */
  ensureWarm(version: string, goexperiment?: string): Promise<WarmToolchain>;
  isWarm(key: string): boolean;
  isWarming(key: string): boolean;
  /** Warming failures (and the sandbox's own problem, if any), for health. */
  readonly problems: string[];
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
  const warmed = new Map<string, WarmToolchain>();
  const warming = new Map<string, Promise<WarmToolchain>>();
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
  return {
    ensureWarm,
    isWarm: (key) => warmed.has(key),
    isWarming: (key) => warming.has(key),
    problems,
  };
}
