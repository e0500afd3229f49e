import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { STATE_DIR } from '../integration/harness.ts';

export interface WorkerProcess {
  child: ChildProcess;
  /** The id it announces in health (`workers[].id`). */
  id: string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  output(): string;
}

const WORKER = path.join(import.meta.dirname, '../../src/worker.ts');

/** `npm run worker` as a child process, resolved once it prints its ready line. */
export async function startWorkerProcess(
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, GML_REDIS_URL: redisUrl, GML_STATE_DIR: STATE_DIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const id = await new Promise<string>((resolve, reject) => {
    // On a fresh state dir the first worker compiles the standard library before it is ready:
    // 52–60 s on this 2-core machine, so a minute was not enough (a clean-state CI run failed
    // here, "worker not ready: warming go1.26.8"). The suite's hook timeout is 300 s.
    const timer = setTimeout(() => reject(new Error(`worker not ready: ${out}`)), 240_000);
    const check = (): void => {
      const m = /worker (\S+) ready/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`worker exited ${code}: ${out}`)));
  });
  return { child, id, exited, output: () => out };
}
