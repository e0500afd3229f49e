import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../protocol.ts';

let seq = 0;

/** A per-job directory under the state dir, writable by the sandbox uid. */
export interface Workspace {
  dir: string;
  remove(): void;
}

/** Creates `<stateDir>/jobs/job-<pid>-<n>` with the sources (root-owned, read-only to the job). */
export function createWorkspace(
  stateDir: string,
  files: readonly SourceFile[],
  uid: number | undefined,
  extra: Record<string, string> = {},
): Workspace {
  const dir = path.join(stateDir, 'jobs', `job-${process.pid}-${++seq}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  try {
    writeSources(dir, files);
    for (const [name, content] of Object.entries(extra)) {
      fs.writeFileSync(path.join(dir, name), content, { mode: 0o644 });
    }
    if (uid !== undefined) fs.chownSync(dir, uid, uid);
  } catch (e) {
    // A half-written job dir (disk full) would otherwise stay until the next restart.
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes the sources into a job dir, root-owned and read-only to the job. A dir set up before its
 * request (`compile-pool.ts`) gets them here, after its sandbox already binds the dir.
 */
export function writeSources(dir: string, files: readonly SourceFile[]): void {
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.content, { mode: 0o644 });
}

/** Removes job dirs left by processes that are gone (a killed service). */
export function sweepWorkspaces(stateDir: string): number {
  const base = path.join(stateDir, 'jobs');
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(base);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = /^job-(\d+)-\d+$/.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(base, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Job dirs of this process still present (tests assert none leak). */
export function liveWorkspaces(stateDir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(stateDir, 'jobs'))
      .filter((n) => n.startsWith(`job-${process.pid}-`));
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
