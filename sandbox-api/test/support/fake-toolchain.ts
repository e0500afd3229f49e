import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A `go` that is there but broken, for start-up faults: `env` answers like a real go1.26.8 with a
 * GOROOT whose `bin/go` fails, and everything else fails. Returns the fake binary and a cleanup.
 */
export function brokenToolchain(kind: 'missing' | 'broken'): { go: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-fake-go-'));
  const goroot = path.join(dir, 'goroot');
  fs.mkdirSync(path.join(goroot, 'bin'), { recursive: true });
  const failing =
    '#!/bin/sh\necho "go: cannot execute binary file: Exec format error" >&2\nexit 126\n';
  fs.writeFileSync(path.join(goroot, 'bin', 'go'), failing, { mode: 0o755 });
  const go = path.join(dir, 'go');
  const script =
    kind === 'missing'
      ? '#!/bin/sh\necho "sh: 1: go: not found" >&2\nexit 127\n'
      : `#!/bin/sh\nif [ "$1" = env ]; then printf 'go1.26.8\\n${goroot}\\nlinux\\namd64\\n${dir}/modcache\\n'; exit 0; fi\n${failing.split('\n').slice(1).join('\n')}`;
  fs.writeFileSync(go, script, { mode: 0o755 });
  return { go, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
