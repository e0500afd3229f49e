import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  type AnalyzeRequest,
  type AnalyzeResponse,
} from '../../src/protocol.ts';
import { createService, type Service, type ServiceConfig } from '../../src/service.ts';
import { STATE_DIR } from '../integration/harness.ts';
import { settledLeftovers } from './leftovers.ts';

/**
 * Limits for the hostile suites: the shapes of the defaults, cut short so a case that must be
 * killed costs seconds, not the production 5–10 s.
 */
export const HOSTILE_LIMITS = {
  runWallMs: 2_000,
  compileWallMs: 4_000,
  benchWallMs: 6_000,
  runMemoryBytes: 128 * 1024 * 1024,
  compileMemoryBytes: 512 * 1024 * 1024,
  runPids: 32,
} satisfies Partial<ServiceConfig>;

/**
 * A service with short limits, running jobs as its own sandbox uid so that "no process of the
 * sandbox uid is left" is not confused by other suites or dev servers on the same host.
 */
export async function startHostileService(
  uid: number,
  overrides: Partial<ServiceConfig> = {},
): Promise<Service> {
  return createService({
    stateDir: STATE_DIR,
    warmAtStart: true,
    log: () => {},
    sandboxUid: uid,
    ...HOSTILE_LIMITS,
    ...overrides,
  });
}

/**
 * The hooks every hostile suite shares: one service per file (started before, closed after) and
 * the recovery-and-leftovers check after every case. `use` receives the service once started.
 */
export function useHostileService(uid: number, use: (service: Service) => void): void {
  let service: Service | undefined;
  beforeAll(async () => {
    service = await startHostileService(uid);
    use(service);
  });
  afterAll(async () => {
    await service?.close();
  });
  afterEach(async () => {
    if (service) await expectServiceRecovered(service, uid);
  });
}

/** Analyzes through the service and validates the answer against the wire contract. */
export async function analyzeChecked(
  service: Service,
  req: AnalyzeRequest,
): Promise<AnalyzeResponse> {
  return AnalyzeResponseSchema.parse(await service.analyze(AnalyzeRequestSchema.parse(req)));
}

/** Runs one main.go in run mode. */
export function runMain(
  service: Service,
  src: string,
  extra: Omit<AnalyzeRequest, 'files' | 'txtar' | 'mode'> = {},
): Promise<AnalyzeResponse> {
  return analyzeChecked(service, {
    files: [{ name: 'main.go', content: src }],
    mode: 'run',
    ...extra,
  });
}

let canarySeq = 0;

/**
 * After a hostile case: the service says ok, a fresh ordinary program still compiles and runs in
 * the sandbox (run mode is never cached, and the output is unique), and nothing is left behind.
 */
export async function expectServiceRecovered(service: Service, uid: number): Promise<void> {
  expect(service.health().status).toBe('ok');
  expect(service.health().sandbox).toMatchObject({ mode: 'bubblewrap', cgroups: true, uid });
  const word = `canary-${process.pid}-${++canarySeq}`;
  const r = await runMain(
    service,
    `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(${JSON.stringify(word)}) }\n`,
  );
  expect(r.ok).toBe(true);
  expect(r.run?.exitCode).toBe(0);
  expect(r.run?.stdout.text).toBe(`${word}\n`);
  expect(
    await settledLeftovers({ stateDir: STATE_DIR, uid, idle: () => service.idleSandboxes() }),
  ).toEqual([]);
  expect(service.health().queue).toMatchObject({ running: 0, waiting: 0 });
}
