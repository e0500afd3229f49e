/**
 * The raw toolchain side of `npm run bench:api`: the same Go file built and run by `go` itself,
 * with the same warm standard library (a hard-linked copy of the service's master cache) and the
 * same importcfg, so the ratios compare the service with what a person would type.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface RawGo {
  goroot: string;
  importcfg: string;
  /** Writes `main.go` and runs `go <args>` in the module dir; throws on a non-zero exit. */
  go(args: string[], source: string): void;
  /** `go build -o prog . && ./prog`, as a shell would run it. */
  buildAndRun(source: string): void;
  /**
   * `go build -o prog . && ./prog` for each source in its own module dir, `parallel` at a
   * time (a shell per core, as `xargs -P` would): seconds until the last one has run.
   */
  buildAndRunAll(sources: string[], parallel: number): Promise<number>;
  /** Builds `source` into a static executable at `dest` (for the no-op sandbox probe). */
  buildTo(source: string, dest: string): void;
  remove(): void;
}

export function rawGo(stateDir: string, toolchain: string): RawGo {
  const stateTc = path.join(stateDir, 'toolchains', toolchain);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-bench-raw-'));
  execFileSync('cp', ['-al', path.join(stateTc, 'cache'), path.join(dir, 'cache')]);
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    `module bench\n\ngo ${toolchain.replace(/^go(\d+\.\d+).*/, '$1')}\n`,
  );
  const stamp = JSON.parse(fs.readFileSync(path.join(stateTc, 'ready.json'), 'utf8')) as {
    goroot: string;
  };
  const goroot = stamp.goroot;
  const env = {
    PATH: `${goroot}/bin:/usr/bin:/bin`,
    HOME: dir,
    GOROOT: goroot,
    GOCACHE: path.join(dir, 'cache'),
    CGO_ENABLED: '0',
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-buildvcs=false',
    GOPROXY: 'off',
    GOENV: 'off',
  };
  const exec = (cmd: string, args: string[]): void => {
    const r = spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  };
  return {
    goroot,
    importcfg: path.join(stateTc, 'importcfg'),
    go: (args, source) => {
      fs.writeFileSync(path.join(dir, 'main.go'), source);
      exec(`${goroot}/bin/go`, args);
    },
    buildAndRun: (source) => {
      fs.writeFileSync(path.join(dir, 'main.go'), source);
      exec('/bin/sh', ['-c', `"${goroot}/bin/go" build -o prog . && ./prog >/dev/null`]);
    },
    buildAndRunAll: async (sources, parallel) => {
      const dirs = sources.map((source, i) => {
        const d = path.join(dir, 'many', String(i));
        fs.mkdirSync(d, { recursive: true });
        fs.copyFileSync(path.join(dir, 'go.mod'), path.join(d, 'go.mod'));
        fs.writeFileSync(path.join(d, 'main.go'), source);
        return d;
      });
      const script = `"${goroot}/bin/go" build -o prog . && ./prog >/dev/null`;
      const t0 = performance.now();
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < dirs.length; i = next++) {
          await execFileAsync('/bin/sh', ['-c', script], { cwd: dirs[i], env });
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      const seconds = (performance.now() - t0) / 1000;
      fs.rmSync(path.join(dir, 'many'), { recursive: true, force: true });
      return seconds;
    },
    buildTo: (source, dest) => {
      fs.writeFileSync(path.join(dir, 'main.go'), source);
      exec(`${goroot}/bin/go`, ['build', '-o', dest, '.']);
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
