import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Makes a root-built build cache readable, and not writable, by the sandbox uid. */
export async function exposeCache(gocache: string): Promise<void> {
  await promisify(execFile)('chmod', ['-R', 'a+rX,go-w', gocache]);
}
