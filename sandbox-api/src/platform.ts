import { sweepCgroups } from './sandbox/cgroup.ts';
import { detectSandbox } from './sandbox/detect.ts';
import { launch, type LaunchResult, type LaunchSpec, type SandboxMode } from './sandbox/launch.ts';
import { discoverToolchains, type Toolchain } from './toolchain/discover.ts';
import { locateGo } from './toolchain/locate-go.ts';
import { isWarmOnDisk, warmToolchain } from './toolchain/warm.ts';

/** Runs one process under a sandbox mode and its limits (`launch` on a real host). */
export type ProcessRunner = (mode: SandboxMode, spec: LaunchSpec) => Promise<LaunchResult>;

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
  isWarmOnDisk: typeof isWarmOnDisk;
  /** Removes cgroups left by dead services (only called as root). */
  sweepCgroups(): Promise<number>;
  runner: ProcessRunner;
}

export const hostPlatform: Platform = {
  findToolchains: () => discoverToolchains(locateGo()),
  detectSandbox,
  warmToolchain,
  isWarmOnDisk,
  sweepCgroups: () => sweepCgroups(),
  runner: launch,
};
