import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultStateDir } from '../../../src/config.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The service's own default is never a shared tmp dir (docs/SECURITY.md, finding S2). */
describe('defaultStateDir', () => {
  it('is /var/lib/go-memory-lab for root, whatever TMPDIR says', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    vi.stubEnv('TMPDIR', '/tmp/shared');
    expect(defaultStateDir()).toBe('/var/lib/go-memory-lab');
  });

  it('is under $XDG_STATE_HOME for anyone else', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    vi.stubEnv('XDG_STATE_HOME', '/home/ann/.state');
    expect(defaultStateDir()).toBe('/home/ann/.state/go-memory-lab');
  });

  it('falls back to ~/.local/state when XDG_STATE_HOME is unset or relative', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const expected = path.join(os.homedir(), '.local', 'state', 'go-memory-lab');
    vi.stubEnv('XDG_STATE_HOME', 'relative/state');
    expect(defaultStateDir()).toBe(expected);
    vi.stubEnv('XDG_STATE_HOME', undefined);
    expect(defaultStateDir()).toBe(expected);
  });
});
