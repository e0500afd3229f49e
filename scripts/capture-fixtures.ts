/**
 * Captures real toolchain output for the parser's golden tests.
 *
 * For every case directory `sandbox-api/test/fixtures/<case>/` holding Go source (and an optional
 * `case.json`), this copies the source into a fresh temp module, runs the real Go toolchain and
 * writes the raw output next to the source:
 *
 *   m1.txt      go build -gcflags='-m <extra>'          (compiler text, stderr of go build)
 *   m2.txt      go build -gcflags='-m=2 -json=0,DIR <extra>'
 *   json/…      the -json=0 files from that same build
 *   stdout.txt, stderr.txt   run mode: the program run with GODEBUG (gctrace=1 by default)
 *   bench.txt   bench mode: go test -run '^$' -bench . -benchmem (stdout)
 *   exit.json   exit codes of each step
 *
 * Temp paths are replaced by nothing, so lines read `./main.go:…` as on the server.
 * `toolchain.txt` in the fixtures root records `go version`.
 *
 * Usage: node scripts/capture-fixtures.ts [case…]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const fixturesDir = join(root, 'sandbox-api/test/fixtures');

interface CaseConfig {
  /** Extra compiler flags appended to -m / -m=2, e.g. "-d=loopvar=2". */
  gcflags?: string;
  mode?: 'build' | 'run' | 'bench';
  /** Environment for the run (GODEBUG, GOGC…); GODEBUG defaults to gctrace=1. */
  env?: Record<string, string>;
  /** Another toolchain fetched through the module proxy, e.g. "go1.27.3"; default: local. */
  toolchain?: string;
}

function findGo(): string {
  if (process.env['GO']) return process.env['GO'];
  const which = spawnSync('which', ['go'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim() !== '') return which.stdout.trim();
  return '/usr/local/go/bin/go';
}

const go = findGo();
/** Pin the local toolchain: a go.mod line must not trigger a download. */
const goEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', CGO_ENABLED: '0' };
let currentToolchain: string | undefined;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = goEnv) {
  if (cmd === go && currentToolchain) env = { ...env, GOTOOLCHAIN: currentToolchain };
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Removes the temp module path wherever it appears (with or without a trailing slash). */
function scrub(text: string, dir: string): string {
  return text
    .split(dir + '/')
    .join('')
    .split(dir)
    .join('.');
}

function captureCase(name: string): void {
  const caseDir = join(fixturesDir, name);
  const configPath = join(caseDir, 'case.json');
  const config: CaseConfig = existsSync(configPath)
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as CaseConfig)
    : {};
  const mode = config.mode ?? 'build';
  const extra = config.gcflags ? ' ' + config.gcflags : '';
  const work = mkdtempSync(join(tmpdir(), 'gml-capture-'));
  const exits: Record<string, number | null> = {};
  currentToolchain = config.toolchain;
  try {
    if (config.toolchain) {
      writeFileSync(join(caseDir, 'toolchain.txt'), run(go, ['version'], work).stdout);
    }
    for (const f of readdirSync(caseDir)) {
      if (f.endsWith('.go')) cpSync(join(caseDir, f), join(work, f));
    }
    writeFileSync(join(work, 'go.mod'), `module example.com/${name}\n\ngo 1.26\n`);
    const buildTarget = mode === 'bench' ? ['test', '-c', '-o', '/dev/null'] : ['build', '-o'];
    const out = (suffix: string) =>
      mode === 'bench' ? [] : [join(work, suffix === 'm1' ? 'prog1' : 'prog')];

    const m1 = run(go, [...buildTarget, ...out('m1'), `-gcflags=-m${extra}`, '.'], work);
    exits['m1'] = m1.status;
    writeFileSync(join(caseDir, 'm1.txt'), scrub(m1.stderr, work));

    const jsonDir = mkdtempSync(join(tmpdir(), 'gml-json-'));
    const m2 = run(
      go,
      [...buildTarget, ...out('m2'), `-gcflags=-m=2 -json=0,${jsonDir}${extra}`, '.'],
      work,
    );
    exits['m2'] = m2.status;
    writeFileSync(join(caseDir, 'm2.txt'), scrub(m2.stderr, work));
    const jsonOut = join(caseDir, 'json');
    rmSync(jsonOut, { recursive: true, force: true });
    copyJson(jsonDir, jsonOut, work);
    rmSync(jsonDir, { recursive: true, force: true });

    if (mode === 'run' && m2.status === 0) {
      const env = { ...goEnv, GODEBUG: 'gctrace=1', ...config.env };
      const r = run(join(work, 'prog'), [], work, env);
      exits['run'] = r.status;
      writeFileSync(join(caseDir, 'stdout.txt'), r.stdout);
      writeFileSync(join(caseDir, 'stderr.txt'), scrub(r.stderr, work));
    }
    if (mode === 'bench') {
      const env = { ...goEnv, ...config.env };
      const r = run(go, ['test', '-run', '^$', '-bench', '.', '-benchmem'], work, env);
      exits['bench'] = r.status;
      writeFileSync(join(caseDir, 'bench.txt'), scrub(r.stdout, work));
    }
    writeFileSync(join(caseDir, 'exit.json'), JSON.stringify(exits, null, 2) + '\n');
    console.log(`${name}: ${JSON.stringify(exits)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Copies the -json tree, scrubbing the temp module path out of every `file://` URI. */
function copyJson(from: string, to: string, work: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const src = join(entry.parentPath, entry.name);
    const dst = join(to, relative(from, src));
    mkdirSync(join(dst, '..'), { recursive: true });
    writeFileSync(dst, scrub(readFileSync(src, 'utf8'), work));
  }
}

function main(): void {
  const version = run(go, ['version'], root);
  writeFileSync(join(fixturesDir, 'toolchain.txt'), version.stdout);
  const wanted = process.argv.slice(2);
  const cases = readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'reference')
    .map((d) => d.name)
    .filter((n) => readdirSync(join(fixturesDir, n)).some((f) => f.endsWith('.go')))
    .filter((n) => wanted.length === 0 || wanted.includes(n));
  for (const c of cases) captureCase(c);
}

main();
