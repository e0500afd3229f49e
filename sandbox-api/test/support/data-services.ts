/**
 * Real Redis and Postgres for the distributed tests, each on a free loopback port in a temp
 * dir, stopped by the returned function. Redis keeps nothing on disk; Postgres runs as an
 * unprivileged user (initdb refuses root), created when the machine has none.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`${what} did not come up in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await until('redis-server', () => out.includes('Ready to accept connections'));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // A loaded machine can make a clean shutdown slow; the test needs it gone, not tidy.
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

function pgUser(): string {
  for (const name of ['postgres', 'gml-postgres']) {
    if (spawnSync('id', ['-u', name]).status === 0) return name;
  }
  execFileSync('useradd', ['--system', '--no-create-home', 'gml-postgres']);
  return 'gml-postgres';
}

export async function startPostgres(): Promise<Running> {
  const user = pgUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-pg-'));
  const data = path.join(dir, 'data');
  execFileSync('chown', [user, dir]);
  const asUser = (cmd: string, args: string[]): void => {
    execFileSync('runuser', ['-u', user, '--', path.join(PG_BIN, cmd), ...args], {
      stdio: 'pipe',
    });
  };
  asUser('initdb', ['-D', data, '-A', 'trust', '-U', 'gml', '--no-sync']);
  const port = await freePort();
  asUser('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://gml@127.0.0.1:${port}/postgres`,
    stop() {
      asUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
