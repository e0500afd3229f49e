/**
 * `node sandbox-api/src/fetch-toolchain.ts go1.27.3`: downloads another Go toolchain through
 * the module proxy (`GOTOOLCHAIN=go1.27.3 go version`) into the module cache, where the
 * service discovers it at start-up. Restart the service afterwards.
 */
import { execFileSync } from 'node:child_process';
import { locateGo } from './toolchain/locate-go.ts';

const version = process.argv[2];
if (version === undefined || !/^go\d+\.\d+(\.\d+)?$/.test(version)) {
  console.error('usage: node sandbox-api/src/fetch-toolchain.ts go1.27.3');
  process.exit(2);
}
const out = execFileSync(locateGo(), ['version'], {
  env: { ...process.env, GOTOOLCHAIN: version },
  encoding: 'utf8',
});
process.stdout.write(out);
if (!out.includes(`${version} `)) {
  console.error(`expected ${version}, got: ${out.trim()}`);
  process.exit(1);
}
