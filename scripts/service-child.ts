import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { devStateDir } from '../sandbox-api/src/dev-state-dir.ts';

/**
 * Starts the real service (`sandbox-api/src/main.ts`) as a child on 127.0.0.1 (port 0), so its
 * CPU and RSS are its own, not the load generator's; resolves with its URL once it says it is
 * ready. `env` is added to this process's environment (e.g. `GML_CLIENT_MAX_IN_FLIGHT`).
 */
export async function startServiceChild(
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const main = path.join(import.meta.dirname, '../sandbox-api/src/main.ts');
  const child = spawn(process.execPath, [main, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // The shared warm cache of tests and scripts, not the root default (/var/lib), which starts cold.
    env: { ...process.env, GML_STATE_DIR: devStateDir(), ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /ready at http:\/\/localhost:(\d+)\//.exec(seen);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before ready`)));
  });
  return { url, child };
}
