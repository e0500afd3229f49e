import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareStateDir, StateDirError } from '../../../src/state-dir.ts';

const OTHER = 10082;
const root = process.getuid?.() === 0;
let base = '';

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-statedir-'));
  fs.chmodSync(base, 0o755);
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

const mode = (p: string): number => fs.lstatSync(p).mode & 0o7777;

describe('prepareStateDir', () => {
  it('creates missing parents and the state dir 0755, owned by this uid, whatever the umask', () => {
    const old = process.umask(0o077);
    try {
      const dir = prepareStateDir(path.join(base, 'a', 'b', 'state'));
      for (const p of ['a', 'a/b', 'a/b/state'].map((s) => path.join(base, s))) {
        expect(mode(p)).toBe(0o755);
        expect(fs.statSync(p).uid).toBe(process.getuid?.());
      }
      expect(dir).toBe(path.join(base, 'a', 'b', 'state'));
    } finally {
      process.umask(old);
    }
  });

  it('accepts its own 0700 dir and opens it for the sandbox uid to traverse', () => {
    const dir = path.join(base, 'state');
    fs.mkdirSync(dir, { mode: 0o700 });
    prepareStateDir(dir);
    expect(mode(dir)).toBe(0o755);
  });

  it('refuses its own dir when it is world-writable', () => {
    const dir = path.join(base, 'state');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    expect(() => prepareStateDir(dir)).toThrow(StateDirError);
    expect(() => prepareStateDir(dir)).toThrow(/state is group- or world-writable \(mode 0777\)/);
    expect(mode(dir)).toBe(0o777);
  });

  it('refuses a file where the state dir should be', () => {
    const file = path.join(base, 'state');
    fs.writeFileSync(file, '');
    expect(() => prepareStateDir(file)).toThrow(/state is not a directory/);
  });

  it('refuses to build under a world-writable parent without the sticky bit', () => {
    const open = path.join(base, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    expect(() => prepareStateDir(path.join(open, 'state'))).toThrow(
      /open is group- or world-writable without the sticky bit/,
    );
    expect(fs.existsSync(path.join(open, 'state'))).toBe(false);
  });

  it('accepts a root-owned sticky parent such as /tmp', () => {
    const sticky = path.join(base, 'sticky');
    fs.mkdirSync(sticky);
    fs.chmodSync(sticky, 0o1777);
    expect(() => prepareStateDir(path.join(sticky, 'state'))).not.toThrow();
  });

  it.skipIf(!root)('refuses a parent owned by another uid, even a sticky one', () => {
    const theirs = path.join(base, 'theirs');
    fs.mkdirSync(theirs, { mode: 0o1777 });
    fs.chownSync(theirs, OTHER, OTHER);
    expect(() => prepareStateDir(path.join(theirs, 'state'))).toThrow(
      /theirs is owned by uid 10082, neither root nor this service's uid/,
    );
  });

  it.skipIf(!root)('refuses a dir created by another uid with a safe mode too', () => {
    const dir = path.join(base, 'state');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chownSync(dir, OTHER, OTHER);
    expect(() => prepareStateDir(dir)).toThrow(/owned by uid 10082, not this service's uid 0/);
  });

  it.skipIf(!root)('as root, refuses a parent the sandbox uid cannot search', () => {
    const closed = path.join(base, 'closed');
    fs.mkdirSync(closed, { mode: 0o700 });
    fs.chmodSync(closed, 0o700);
    expect(() => prepareStateDir(path.join(closed, 'state'))).toThrow(
      /closed is not searchable by other users \(mode 0700\)/,
    );
  });

  it('refuses a symlink as the state dir, and one created by another uid in a parent', () => {
    const real = path.join(base, 'real');
    fs.mkdirSync(real);
    const link = path.join(base, 'link');
    fs.symlinkSync(real, link);
    expect(() => prepareStateDir(link)).toThrow(/link is a symlink/);
    if (root) {
      fs.lchownSync(link, OTHER, OTHER);
      expect(() => prepareStateDir(path.join(link, 'state'))).toThrow(/link is owned by uid 10082/);
    }
  });
});
