import { afterAll, beforeAll } from 'vitest';
import type { Service, ServiceConfig } from '../../src/service.ts';
import { startService } from './harness.ts';

/**
 * The hooks of a file that shares one service: started before its tests (with `overrides`),
 * closed after them. `use` receives the service once started.
 */
export function useService(
  use: (service: Service) => void,
  overrides: Partial<ServiceConfig> = {},
): void {
  let service: Service | undefined;
  beforeAll(async () => {
    service = await startService(overrides);
    use(service);
  });
  afterAll(async () => {
    await service?.close();
  });
}
