/**
 * One in-process sandbox service for a test file, with results memoised per (code, options) and
 * at most `parallel` analyses at a time, so concurrent tests never overflow the service's queue.
 */
import type { AnalyzeResponse, SourceFile } from '@go-memory-lab/sandbox-api/protocol';
import { devStateDir } from '../../../sandbox-api/src/dev-state-dir.ts';
import { createService, type Service } from '../../../sandbox-api/src/service.ts';
import { variantKey, type Variant } from '../../../src/lib/exercises/variant.ts';
import { requestFor } from './snippets.ts';

export interface Analyzer {
  /** `name` identifies the code (snippet id or exercise tree); equal names must mean equal files. */
  analyze(name: string, files: SourceFile[], v: Variant): Promise<AnalyzeResponse>;
  close(): Promise<void>;
}

export async function createAnalyzer(parallel = 2): Promise<Analyzer> {
  const service: Service = await createService({ stateDir: devStateDir(), log: () => {} });
  await service.warm();
  const memo = new Map<string, Promise<AnalyzeResponse>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (running >= parallel) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    analyze(name, files, v) {
      const key = `${name}\u0000${variantKey(v)}`;
      let p = memo.get(key);
      if (!p) {
        p = (async () => {
          await acquire();
          try {
            return await service.analyze(requestFor(files, v));
          } finally {
            release();
          }
        })();
        memo.set(key, p);
      }
      return p;
    },
    close: () => service.close(),
  };
}
