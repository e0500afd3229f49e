import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadResultKey } from '../../../src/share/result-key.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-key-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the result-signing key file', () => {
  it('is created once with mode 600 and read back the same after', () => {
    const file = path.join(dir, 'result-key');
    const first = loadResultKey(file);
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadResultKey(file).equals(first)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['result-key']);
  });

  it('refuses a key others can read, a symlink, or a short one, naming the file', () => {
    const file = path.join(dir, 'result-key');
    fs.writeFileSync(file, Buffer.alloc(32, 1), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => loadResultKey(file)).toThrow(/result-key.*mode 644/);

    const real = path.join(dir, 'elsewhere');
    fs.writeFileSync(real, Buffer.alloc(32, 1), { mode: 0o600 });
    const link = path.join(dir, 'linked-key');
    fs.symlinkSync(real, link);
    expect(() => loadResultKey(link)).toThrow(/not a regular file/);

    const short = path.join(dir, 'short-key');
    fs.writeFileSync(short, Buffer.alloc(8, 1), { mode: 0o600 });
    expect(() => loadResultKey(short)).toThrow(/8 bytes/);
  });

  it.runIf(process.getuid?.() === 0)('refuses a key file owned by another user', () => {
    const file = path.join(dir, 'result-key');
    fs.writeFileSync(file, Buffer.alloc(32, 1), { mode: 0o600 });
    fs.chownSync(file, 10001, 10001);
    expect(() => loadResultKey(file)).toThrow(/owned by uid 10001/);
  });
});
