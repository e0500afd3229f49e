/**
 * `npm run dev`: Astro's dev server and the sandbox API side by side. Vite proxies `/api` and `/s/`
 * to the API (astro.config.mjs), so the site talks to it same-origin exactly as in production.
 * Ctrl+C (or either process dying) stops both. Extra arguments go to `astro dev`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';

const ROOT = join(import.meta.dirname, '..');
const API_PORT = process.env['GML_API_PORT'] ?? '4322';
const env = { ...process.env, GML_API_PORT: API_PORT, GML_STATE_DIR: devStateDir() };
const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, args: string[]): void {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[dev] ${name} exited (${code ?? signal}); stopping\n`);
    stop(code ?? 1);
  });
}

function stop(code: number): void {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const main = join(ROOT, 'sandbox-api', 'src', 'main.ts');
if (existsSync(main)) {
  start('sandbox API', [main, '--port', API_PORT]);
} else {
  process.stderr.write(
    '[dev] sandbox-api/src/main.ts not found: running the site without the API\n',
  );
}
start('astro dev', [
  join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  'dev',
  ...process.argv.slice(2),
]);
