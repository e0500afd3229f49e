import type { Admission, ClientAdmission } from '../admission/client-admission.ts';
import type { ClassStore } from '../classes/class-store.ts';
import type { ServiceConfig } from '../config.ts';
import type { JobBackend } from '../job-backend.ts';
import type { ServiceObserver } from '../metrics/observer.ts';
import type { Service } from '../service.ts';
import type { AsyncShareStore } from '../share/pg-share-store.ts';
import type { DistributedSettings } from './settings.ts';
import type { WorkerHost } from './worker-host.ts';

/** What a node needs from Redis and Postgres, given its settings; empty in embedded mode. */
export interface Wiring {
  backend?: JobBackend;
  shareStore?: AsyncShareStore;
  /** Classes in the same Postgres database as the share links. */
  classStore?: ClassStore;
  /** Per-client fairness counted across API nodes (Redis), around this node's own count. */
  admissionFor?: (local: ClientAdmission) => Admission;
  /** Role `all` with Redis: also run jobs here, as one more worker host. */
  startWorker?(service: Service): Promise<WorkerHost>;
  close(): Promise<void>;
}

/**
 * Loads the Redis and Postgres clients only when their variable is set (dynamic imports), so
 * `npm start` with no variables loads and connects to nothing new.
 */
export async function wireFromSettings(
  settings: DistributedSettings,
  config: Pick<ServiceConfig, 'maxWaiting' | 'log'>,
  observer?: ServiceObserver,
): Promise<Wiring> {
  const wiring: Wiring = { close: () => Promise.resolve() };
  const closers: (() => Promise<void>)[] = [];
  const redisUrl = settings.redisUrl;
  if (redisUrl !== undefined) {
    const { createRedisBackend } = await import('./redis-backend.ts');
    wiring.backend = await createRedisBackend({
      url: redisUrl,
      maxWaiting: config.maxWaiting,
      log: config.log,
      ...(observer ? { observer } : {}),
    });
    const { Redis } = await import('ioredis');
    const { redisAdmission } = await import('./redis-admission.ts');
    const fairness = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    fairness.on('error', () => undefined);
    wiring.admissionFor = (local) => {
      const admission = redisAdmission(fairness, local, { log: config.log });
      closers.push(() => Promise.resolve(admission.close()));
      return admission;
    };
    closers.push(() => Promise.resolve(fairness.disconnect()));
    if (settings.role === 'all') {
      wiring.startWorker = async (service) => {
        const { startWorkerHost } = await import('./worker-host.ts');
        const host = await startWorkerHost(service, { url: redisUrl, log: config.log });
        closers.unshift(() => host.close());
        return host;
      };
    }
  }
  if (settings.databaseUrl !== undefined) {
    const { openPgDatabase } = await import('../store/pg-database.ts');
    const { pgShareStore } = await import('../share/pg-share-store.ts');
    const { pgClassStore } = await import('../classes/pg-class-store.ts');
    const db = await openPgDatabase(settings.databaseUrl);
    wiring.shareStore = pgShareStore(db.pool);
    wiring.classStore = pgClassStore(db.pool);
    closers.push(() => db.close());
  }
  wiring.close = async () => {
    for (const close of closers) await close().catch(() => undefined);
  };
  return wiring;
}
