import fs from 'node:fs';
import path from 'node:path';

/** The `go` command: env GO, then the first `go` on PATH, then /usr/local/go/bin/go. */
export function locateGo(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['GO'];
  if (fromEnv !== undefined && fromEnv !== '' && isExecutable(fromEnv)) return fromEnv;
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'go');
    if (isExecutable(candidate)) return fs.realpathSync(candidate);
  }
  return '/usr/local/go/bin/go';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
