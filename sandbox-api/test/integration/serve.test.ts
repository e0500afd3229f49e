import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_PREFIX, HealthResponseSchema } from '../../src/protocol.ts';
import { STATE_DIR } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PLANTER = 10082;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

interface Outcome {
  ready: boolean;
  exitCode: number | null;
  output: string;
}

/**
 * `npm run serve` with `env` on top of ours (GML_STATE_DIR dropped unless given): resolves when
 * the ready line appears (then `whileUp` runs and the server is stopped) or when it exits.
 */
async function serve(
  env: Record<string, string>,
  args: string[] = [],
  whileUp: () => Promise<void> = async () => {},
): Promise<Outcome> {
  const base = { ...process.env };
  delete base['GML_STATE_DIR'];
  const child = spawn('npm', ['run', '--silent', 'serve', '--', ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = await new Promise<boolean>((resolve) => {
    const seen = (d: Buffer): void => {
      output += d.toString();
      if (output.includes('ready at http://')) resolve(true);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    void exited.then(() => resolve(false));
  });
  if (!ready) return { ready, exitCode: await exited, output };
  try {
    await whileUp();
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
  return { ready, exitCode: await exited, output };
}

/** A fresh state dir that borrows the warm standard library, so start-up takes seconds. */
function freshStateDir(parent: string): string {
  // The sandbox uid must traverse every dir down to its job dir.
  fs.chmodSync(parent, 0o755);
  const dir = path.join(parent, 'state');
  fs.mkdirSync(dir, { mode: 0o755 });
  fs.symlinkSync(path.join(STATE_DIR, 'toolchains'), path.join(dir, 'toolchains'));
  return dir;
}

describe('npm run serve (the API alone)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-serve-'));
  fs.chmodSync(work, 0o755);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('honours GML_PORT, GML_STATE_DIR and a private TMPDIR', async () => {
    const tmp = fs.mkdtempSync(path.join(work, 'tmp-')); // 0700, root's own
    const stateDir = freshStateDir(fs.mkdtempSync(path.join(work, 'a-')));
    const port = await freePort();
    const out = await serve(
      { TMPDIR: tmp, GML_PORT: String(port), GML_STATE_DIR: stateDir },
      [],
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}${API_PREFIX}/health`);
        expect(res.status).toBe(200);
        const health = HealthResponseSchema.parse(await res.json());
        expect(health.status).toBe('ok');
        expect(health.sandbox).toMatchObject({
          mode: 'bubblewrap',
          cgroups: true,
          cgroupVersion: 'v1',
        });
        const run = await fetch(`http://127.0.0.1:${port}${API_PREFIX}/analyze`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            mode: 'run',
            files: [
              {
                name: 'main.go',
                content: `package main\n\nfunc main() { println("served-${port}") }\n`,
              },
            ],
          }),
        });
        expect(run.status).toBe(200);
        expect(JSON.stringify(await run.json())).toContain(`served-${port}`);
      },
    );
    expect(out.ready).toBe(true);
    expect(out.output).toContain(`ready at http://localhost:${port}/`);
    // The share database and the job dirs went to GML_STATE_DIR.
    expect(fs.readdirSync(stateDir).sort()).toEqual(
      expect.arrayContaining(['jobs', 'share.sqlite', 'toolchains']),
    );
  });

  it('refuses a state dir planted by another user, naming it', async () => {
    const shared = fs.mkdtempSync(path.join(work, 'shared-'));
    fs.chmodSync(shared, 0o1777);
    const planted = path.join(shared, 'go-memory-lab');
    fs.mkdirSync(planted, { mode: 0o777 });
    fs.chmodSync(planted, 0o777);
    fs.chownSync(planted, PLANTER, PLANTER);
    const out = await serve({ GML_PORT: String(await freePort()), GML_STATE_DIR: planted });
    expect(out.ready).toBe(false);
    expect(out.exitCode).toBe(1);
    expect(out.output).toContain(
      `refusing to use the state dir: ${planted} is owned by uid ${PLANTER}`,
    );
  });

  it('refuses a non-loopback address without cgroups unless forced', async () => {
    const noCgroups = fs.mkdtempSync(path.join(work, 'no-cgroupfs-'));
    const stateDir = freshStateDir(fs.mkdtempSync(path.join(work, 'b-')));
    const env = { GML_CGROUP_ROOT: noCgroups, GML_STATE_DIR: stateDir };
    const refused = await serve({ ...env, GML_PORT: String(await freePort()) }, [
      '--host',
      '0.0.0.0',
    ]);
    expect(refused.ready).toBe(false);
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain('refusing to listen on 0.0.0.0 without cgroup limits');
    // Forced, it starts, and health says the jobs have no cgroup limits.
    const port = await freePort();
    const forced = await serve(
      { ...env, GML_PORT: String(port), GML_ALLOW_NO_CGROUPS: '1' },
      ['--host', '0.0.0.0'],
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}${API_PREFIX}/health`);
        const health = HealthResponseSchema.parse(await res.json());
        expect(health.sandbox).toMatchObject({ mode: 'bubblewrap', cgroups: false });
        expect(health.sandbox.cgroupVersion).toBeUndefined();
      },
    );
    expect(forced.ready).toBe(true);
  });
});
