import type { ServiceConfig } from './config.ts';
import { ApiFailure } from './errors.ts';
import type { Service } from './service.ts';

/**
 * The service when no Go toolchain works at start. It still listens, so health can say why
 * and every analyze gets a 503, instead of the process dying before anyone can ask.
 */
export function unavailableService(config: ServiceConfig, why: string): Service {
  const started = Date.now();
  return {
    config,
    sandboxKind: 'none',
    analyze: () => Promise.reject(new ApiFailure(503, { code: 'unavailable', message: why }, 60)),
    answer: () => Promise.reject(new ApiFailure(503, { code: 'unavailable', message: why }, 60)),
    runJob: () => Promise.reject(new ApiFailure(503, { code: 'unavailable', message: why }, 60)),
    format: () => Promise.reject(new ApiFailure(503, { code: 'unavailable', message: why }, 60)),
    warm: () => Promise.resolve(),
    toolchains: () => ({ default: '', toolchains: [] }),
    health: () => ({
      status: 'down',
      toolchains: [],
      queue: { running: 0, waiting: 0, workers: config.workers, maxWaiting: config.maxWaiting },
      sandbox: { mode: 'none', cgroups: false, note: `no jobs run: ${why}` },
      cache: { entries: 0, hits: 0, misses: 0 },
      uptimeSeconds: (Date.now() - started) / 1000,
      problems: [why],
    }),
    idleSandboxes: () => ({ dirs: [], cgroups: [] }),
    close: () => Promise.resolve(),
  };
}
