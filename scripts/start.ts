/**
 * `npm start`: builds the site when `dist/` is missing or older than its sources, then serves
 * the site and the API from one process (sandbox-api/src/main.ts --static dist). Extra
 * arguments (`--port`, `--host`) are passed on.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

/** Newest mtime under `dir` (0 when it does not exist); node_modules and dot-dirs skipped. */
function newest(dir: string): number {
  let best = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    best = Math.max(best, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return best;
}

const sources = Math.max(
  newest(path.join(root, 'src')),
  newest(path.join(root, 'content')),
  newest(path.join(root, 'public')),
  ...['astro.config.mjs', 'package.json'].map((f) =>
    fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0,
  ),
);
const built = fs.existsSync(path.join(dist, 'index.html')) ? newest(dist) : 0;
if (built < sources) {
  console.log(
    built === 0
      ? 'building the site (dist/ is missing)…'
      : 'rebuilding the site (sources changed)…',
  );
  const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(
  process.execPath,
  [path.join(root, 'sandbox-api/src/main.ts'), '--static', dist, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const forward = (sig: NodeJS.Signals): void => {
  server.kill(sig);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
server.on('exit', (code) => process.exit(code ?? 0));
