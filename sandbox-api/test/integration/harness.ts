import { devStateDir } from '../../src/dev-state-dir.ts';
import {
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  type AnalyzeRequest,
  type AnalyzeResponse,
} from '../../src/protocol.ts';
import { createService, type Service, type ServiceConfig } from '../../src/service.ts';

/**
 * The integration tests share the state dir of `npm run record` and the dev server, so the
 * standard library is compiled once per machine, not once per test file.
 */
export const STATE_DIR = devStateDir();

export async function startService(overrides: Partial<ServiceConfig> = {}): Promise<Service> {
  const service = await createService({
    stateDir: STATE_DIR,
    warmAtStart: true,
    log: () => {},
    // No compile sandboxes set up ahead: containment.test.ts counts every job dir and cgroup of
    // this process after each case. The pooled path (the default) is what the hostile suites,
    // compile-pool.test.ts and the content and e2e tiers run, with the pool's idle sandboxes
    // accounted for exactly (`Service.idleSandboxes`).
    readySandboxes: 0,
    ...overrides,
  });
  return service;
}

/** Analyze through the service, validating the response against the wire contract. */
export async function analyze(service: Service, req: AnalyzeRequest): Promise<AnalyzeResponse> {
  const res = await service.analyze(AnalyzeRequestSchema.parse(req));
  return AnalyzeResponseSchema.parse(res);
}

/** A one-file request. */
export function mainGo(
  content: string,
  extra: Omit<AnalyzeRequest, 'files' | 'txtar'> = {},
): AnalyzeRequest {
  return { files: [{ name: 'main.go', content }], ...extra };
}

/** Line number (1-based) of the first line containing `needle`. */
export function lineOf(src: string, needle: string): number {
  const i = src.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in source`);
  return i + 1;
}
