/**
 * Debian's Chromium under playwright-core, for the e2e tests and the scripts that drive a page
 * (bench-classes, capture-trace-views): a test tool's own browser download fails here.
 * No vitest import, so plain Node scripts can use it.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM'];
  if (fromEnv) return fromEnv;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

/** A new headless Chromium; the caller closes it. Contexts made from it start empty. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}
