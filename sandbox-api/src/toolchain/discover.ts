import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A Go toolchain found on this host. */
export interface Toolchain {
  /** Exact version, e.g. "go1.26.8". */
  version: string;
  /** Where it lives on the host (may be unreadable to the sandbox uid; see warm.ts). */
  hostGoroot: string;
  goos: string;
  goarch: string;
}

const MODCACHE_DIR = /^toolchain@v0\.0\.1-(go\d+\.\d+(?:\.\d+)?)\.([a-z0-9]+)-([a-z0-9]+)$/;

/** The local toolchain (from `go`) plus any `golang.org/toolchain` module downloaded before. */
export function discoverToolchains(goBin: string): Toolchain[] {
  const env = { PATH: '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', GOTOOLCHAIN: 'local' };
  const out = execFileSync(goBin, ['env', 'GOVERSION', 'GOROOT', 'GOOS', 'GOARCH', 'GOMODCACHE'], {
    env,
    encoding: 'utf8',
  }).split('\n');
  const [version, goroot, goos, goarch, modcache] = out;
  if (!version || !goroot || !goos || !goarch) throw new Error(`cannot read go env from ${goBin}`);
  const found: Toolchain[] = [{ version, hostGoroot: goroot, goos, goarch }];
  const base = path.join(modcache ?? '', 'golang.org');
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(base);
  } catch {
    // no module cache yet
  }
  for (const name of entries.sort()) {
    const m = MODCACHE_DIR.exec(name);
    if (!m || m[2] !== goos || m[3] !== goarch) continue;
    const dir = path.join(base, name);
    if (!fs.existsSync(path.join(dir, 'bin', 'go'))) continue;
    if (found.some((t) => t.version === m[1])) continue;
    found.push({ version: m[1]!, hostGoroot: dir, goos, goarch });
  }
  return found;
}

/** "go1.26.8" → "go1.26", the -lang value for the compiler. */
export function langVersion(version: string): string {
  const m = /^go(\d+)\.(\d+)/.exec(version);
  return m ? `go${m[1]}.${m[2]}` : version;
}
