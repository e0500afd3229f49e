import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/service.ts';

/** The local user who gets there first. */
const PLANTER = 10082;

/**
 * Finding 2 of issue 10 (docs/SECURITY.md, finding S2): the state dir used to be
 * `$TMPDIR/go-memory-lab`, taken as found. Another uid creates it first in a shared sticky tmp
 * dir; the service must refuse to start rather than keep its caches and share database there.
 */
describe.skipIf(process.getuid?.() !== 0)('a state dir planted by another local user', () => {
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-shared-tmp-'));
  fs.chmodSync(shared, 0o1777);
  afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));

  async function startIn(stateDir: string): Promise<unknown> {
    let service: Service | undefined;
    try {
      service = await createService({ stateDir, log: () => {} });
      return undefined;
    } catch (e) {
      return e;
    } finally {
      await service?.close();
    }
  }

  it('refuses one created 0777 by another uid, naming the path and what is wrong', async () => {
    const planted = path.join(shared, 'go-memory-lab');
    fs.mkdirSync(planted);
    fs.chmodSync(planted, 0o777);
    fs.chownSync(planted, PLANTER, PLANTER);
    const err = await startIn(planted);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(planted);
    expect((err as Error).message).toMatch(/owned by uid 10082/);
    // Nothing of the service's was put inside.
    expect(fs.readdirSync(planted)).toEqual([]);
  });

  it('refuses a symlink planted at the state dir path', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-elsewhere-'));
    try {
      const link = path.join(shared, 'go-memory-lab-link');
      fs.symlinkSync(elsewhere, link);
      fs.lchownSync(link, PLANTER, PLANTER);
      const err = await startIn(link);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(link);
      expect((err as Error).message).toMatch(/symlink/);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
