import { sweepCgroups } from './sandbox/cgroup.ts';
import { detectSandbox } from './sandbox/detect.ts';
import {
  launch,
  prepareLaunch,
  type LaunchResult,
  type LaunchSpec,
  type PreparedLaunch,
  type SandboxMode,
} from './sandbox/launch.ts';
import { discoverToolchains, type Toolchain } from './toolchain/discover.ts';
import { locateGo } from './toolchain/locate-go.ts';
import { buildLinkStd } from './toolchain/link-std.ts';
import { isWarmOnDisk, warmToolchain } from './toolchain/warm.ts';

/** Runs sandboxed processes: `launch` and `prepareLaunch` on a real host. */
export interface ProcessRunner {
  launch: (mode: SandboxMode, spec: LaunchSpec) => Promise<LaunchResult>;
  /** Sets the sandbox up now, runs the program on `start()`. */
  prepare: (mode: SandboxMode, spec: LaunchSpec) => PreparedLaunch;
}

/**
 * Everything `createService` takes from the host: toolchains, the sandbox, the warm standard
 * library and the process runner. The service uses `hostPlatform`; the HTTP table tests give a
 * fake one so status codes, error bodies, caching and Retry-After are checked in milliseconds
 * without Go or bubblewrap (the real-toolchain tests cover the real one).
 */
export interface Platform {
  /** Throws when no working `go` is found (the service then answers 503 to everything). */
  findToolchains(): Toolchain[];
  detectSandbox: typeof detectSandbox;
  warmToolchain: typeof warmToolchain;
  /** The std without DWARF for the linker, built in the background after the warm-up. */
  buildLinkStd: typeof buildLinkStd;
  isWarmOnDisk: typeof isWarmOnDisk;
  /** Removes cgroups left by dead services (only called as root). */
  sweepCgroups(): Promise<number>;
  runner: ProcessRunner;
}

export const hostPlatform: Platform = {
  findToolchains: () => discoverToolchains(locateGo()),
  detectSandbox,
  warmToolchain,
  buildLinkStd,
  isWarmOnDisk,
  sweepCgroups: () => sweepCgroups(),
  runner: { launch, prepare: prepareLaunch },
};
