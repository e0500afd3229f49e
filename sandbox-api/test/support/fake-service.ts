/**
 * The real service over a fake process runner (test/support/fake-platform.ts) and its Hono
 * app: what the HTTP table tests post to. No Go and no bubblewrap, so it starts in milliseconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_PREFIX, type AnalyzeRequest, type AnalyzeResponse } from '../../src/protocol.ts';
import { loadResultKey } from '../../src/share/result-key.ts';
import { resultSigner } from '../../src/share/result-signer.ts';
import { createService, type Service, type ServiceConfig } from '../../src/service.ts';
import type { Platform } from '../../src/platform.ts';
import { fakePlatform, type FakeScript } from './fake-platform.ts';
import { appFor, postAnalyze } from './http-app.ts';

export interface FakeService {
  post: (req: AnalyzeRequest, headers?: Record<string, string>) => Promise<Response>;
  /** How many compiles the fake runner was asked for. */
  runs: () => number;
  /** Checks a response's signature with the service's own key (as share links do). */
  verify: (r: AnalyzeResponse) => boolean;
  close: () => Promise<void>;
}

/** A service on a throwaway state dir whose sandboxed steps follow `script`. */
export async function fakeService(
  script: () => FakeScript,
  config: Partial<ServiceConfig> = {},
  overrides: Partial<Platform> = {},
): Promise<FakeService> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-table-'));
  const { platform, calls } = fakePlatform(script, overrides);
  const service: Service = await createService(
    { stateDir, log: () => {}, ...config },
    { platform },
  );
  const { app, cleanup } = appFor(service);
  return {
    post: async (req, headers) =>
      headers
        ? await app.request(`${API_PREFIX}/analyze`, {
            method: 'POST',
            body: JSON.stringify(req),
            headers: { 'content-type': 'application/json', ...headers },
          })
        : postAnalyze(app, JSON.stringify(req)),
    runs: () => calls.filter((c) => c.step === 'compile').length,
    verify: (r) => resultSigner(loadResultKey(path.join(stateDir, 'result-key'))).verify(r),
    close: async () => {
      await service.close();
      cleanup();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
