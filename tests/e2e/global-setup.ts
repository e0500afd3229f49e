/**
 * e2e global setup: make sure `dist/` is a fresh build, start the real server (site + API in one
 * process, as `npm start` runs it) on a free port, and hand its address to the tests as
 * `inject('baseUrl')`. The share store is a throwaway file; the toolchain state dir is the default
 * one so the warm build cache is reused between runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { devStateDir } from '../../sandbox-api/src/dev-state-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. "http://localhost:41234" (no trailing slash). */
    baseUrl: string;
  }
}

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const SOURCES = ['src', 'content', 'public', 'astro.config.mjs'];
const READY = /ready at (http:\/\/[^\s/]+)\/?/;
const START_TIMEOUT_MS = 180_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds unless dist/index.html is newer than every source the site is made of. */
export function ensureBuilt(): void {
  const built = join(DIST, 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))));
  if (builtAt > sourcesAt) return;
  process.stdout.write('[e2e] dist/ is missing or stale: running astro build\n');
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status})`);
}

/** Resolves with the origin once the server prints its ready line; rejects if it dies first. */
function waitForReady(child: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${log.join('')}`)),
      START_TIMEOUT_MS,
    );
    let ready = false;
    const onData = (chunk: Buffer) => {
      // Keep draining after ready (a full pipe would block the server) but stop collecting.
      if (ready) return;
      log.push(chunk.toString());
      const m = READY.exec(log.join(''));
      if (m?.[1]) {
        ready = true;
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready)
        reject(new Error(`server exited (${code ?? signal}) before ready:\n${log.join('')}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuilt();
  const tmp = mkdtempSync(join(tmpdir(), 'gml-e2e-'));
  const child = spawn(
    process.execPath,
    ['sandbox-api/src/main.ts', '--port', '0', '--static', 'dist'],
    {
      cwd: ROOT,
      env: { ...process.env, GML_STATE_DIR: devStateDir(), GML_SHARE_DB: join(tmp, 'share.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  try {
    const origin = await waitForReady(child, log);
    project.provide('baseUrl', origin.replace(/\/$/, ''));
  } catch (err) {
    await stop(child);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  if (process.env['GML_E2E_SERVER_LOG'] === '1') {
    child.stdout?.pipe(process.stdout);
    child.stderr?.pipe(process.stderr);
  }
  return async () => {
    await stop(child);
    rmSync(tmp, { recursive: true, force: true });
  };
}
