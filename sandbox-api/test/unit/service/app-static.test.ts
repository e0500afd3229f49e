import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { defaultConfig } from '../../../src/config.ts';
import type { Service } from '../../../src/service.ts';

/** Static serving needs no toolchain: a service that is never called is enough. */
const idle = {
  config: { ...defaultConfig(), stateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gml-idle-')) },
} as Service;

function site(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-static-'));
  fs.mkdirSync(path.join(root, '_astro'));
  fs.writeFileSync(
    path.join(root, '_astro', 'editor.abc123.js'),
    'export const x = 1;\n'.repeat(500),
  );
  fs.mkdirSync(path.join(root, 'snippet-data'));
  fs.writeFileSync(
    path.join(root, 'snippet-data', 'return-address.0123abcd4567.json'),
    JSON.stringify({ id: 'return-address', files: [] }),
  );
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
  fs.writeFileSync(path.join(root, '404.html'), '<!doctype html><title>lost</title>');
  // Where `astro build` writes src/pages/zh/404.astro.
  fs.mkdirSync(path.join(root, 'zh', '404'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'zh', '404', 'index.html'),
    '<!doctype html><title>页面不存在</title>',
  );
  return root;
}

describe('serving the built site', () => {
  const app = createApp(idle, { staticDir: site(), shareDbPath: ':memory:' });

  it('gzips fingerprinted assets and marks them immutable', async () => {
    const res = await app.request('/_astro/editor.abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = gunzipSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(body.startsWith('export const x = 1;')).toBe(true);
  });

  it("serves a snippet's hashed data file as immutable JSON, and a page as revalidated", async () => {
    const res = await app.request('/snippet-data/return-address.0123abcd4567.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.json()).toMatchObject({ id: 'return-address' });
    const page = await app.request('/');
    expect(page.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it('answers unknown pages with the 404 page and unknown API paths with JSON', async () => {
    const page = await app.request('/no/such/page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('lost');
    const api = await app.request('/api/v1/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers a miss under /zh/ with the Chinese 404 page, and only those paths', async () => {
    for (const miss of ['/zh/no/such/page', '/zh/learn/chapter-9/']) {
      const res = await app.request(miss);
      expect(res.status, miss).toBe(404);
      expect(await res.text(), miss).toContain('页面不存在');
    }
    // A path that merely starts with the letters "zh" is an English miss.
    const english = await app.request('/zhx/page');
    expect(await english.text()).toContain('lost');
  });
});
