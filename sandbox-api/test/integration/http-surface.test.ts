/** The result cache, txtar input and the HTTP surface of the service on the real toolchain. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ApiErrorSchema } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { STATE_DIR, analyze, mainGo } from './harness.ts';
import { useService } from './use-service.ts';
import { RETURN_ADDR } from './analyze-fixtures.ts';

let service: Service;
useService((s) => (service = s));

describe('cache, txtar and the HTTP surface', () => {
  it('an identical build request is served from the cache', async () => {
    const req = mainGo(`${RETURN_ADDR}// cache probe ${Date.now()}\n`);
    const first = await analyze(service, req);
    const second = await analyze(service, req);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.decisions).toEqual(first.decisions);
    expect(service.health().cache.hits).toBeGreaterThan(0);
  });

  it('a run is served from the cache only to a request that accepts a reused run', async () => {
    const req = mainGo(`package main\n\nfunc main() { println("reuse probe ${Date.now()}") }\n`, {
      mode: 'run',
    });
    expect((await analyze(service, req)).cached).toBe(false);
    expect((await analyze(service, req)).cached).toBe(false);
    const first = await analyze(service, { ...req, reuse: true });
    const second = await analyze(service, { ...req, reuse: true });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.run?.stderr.text).toBe(first.run?.stderr.text);
    expect((await analyze(service, req)).cached).toBe(false);
  });

  it('txtar input splits into files of one package', async () => {
    const txtar = `package main

func main() { println(helper()) }
-- helper.go --
package main

func helper() *int { v := 7; return &v }
`;
    const r = await analyze(service, { txtar, inline: false });
    expect(r.request.files.map((f) => f.name)).toEqual(['main.go', 'helper.go']);
    expect(
      r.decisions.some(
        (d) => d.file === 'helper.go' && d.kind === 'moved-to-heap' && d.subject === 'v',
      ),
    ).toBe(true);
  });

  const app = () => createApp(service, { shareDbPath: path.join(STATE_DIR, 'test-share.sqlite') });
  const post = (body: string) =>
    app().request('/api/v1/analyze', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  it.each([
    ['malformed JSON', '{"files": [', 'invalid_json'],
    ['wrong types', JSON.stringify({ files: 'main.go' }), 'invalid_request'],
    [
      'traversal in a name',
      JSON.stringify({ files: [{ name: '../main.go', content: '' }] }),
      'bad_file_name',
    ],
    [
      'absolute name',
      JSON.stringify({ files: [{ name: '/etc/x.go', content: '' }] }),
      'bad_file_name',
    ],
    [
      'go.mod',
      JSON.stringify({ files: [{ name: 'go.mod', content: 'module x' }] }),
      'bad_file_name',
    ],
    [
      'txtar with go.mod',
      JSON.stringify({ txtar: '-- go.mod --\nmodule x\n-- main.go --\npackage main\n' }),
      'bad_file_name',
    ],
    [
      'too many files',
      JSON.stringify({
        files: Array.from({ length: 9 }, (_, i) => ({
          name: `f${i}.go`,
          content: 'package main\n',
        })),
      }),
      'too_many_files',
    ],
    [
      'unknown toolchain',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        toolchain: 'go1.2.3',
      }),
      'unknown_toolchain',
    ],
    [
      'oversized source',
      JSON.stringify({
        files: [{ name: 'main.go', content: `package main\n//${'x'.repeat(70 * 1024)}\n` }],
      }),
      'source_too_large',
    ],
    [
      'GOMAXPROCS above the cores',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        env: { GOMAXPROCS: '999' },
      }),
      'invalid_request',
    ],
    [
      'GODEBUG outside the allowlist',
      JSON.stringify({
        files: [{ name: 'main.go', content: 'package main\n' }],
        env: { GODEBUG: 'asyncpreemptoff=1' },
      }),
      'invalid_request',
    ],
  ])('%s → 400 %s', async (_what, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).code).toBe(code);
  });

  it('oversized body → 413 body_too_large', async () => {
    const res = await post(
      JSON.stringify({ files: [{ name: 'main.go', content: 'x'.repeat(300 * 1024) }] }),
    );
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(await res.json()).code).toBe('body_too_large');
  });

  it('answers health, toolchains, unknown API paths and share redirects', async () => {
    const health: unknown = await (await app().request('/api/v1/health')).json();
    expect(health).toMatchObject({ status: 'ok', sandbox: { mode: 'bubblewrap', cgroups: true } });
    const tcs = (await (await app().request('/api/v1/toolchains')).json()) as {
      default: string;
      toolchains: { ready: boolean }[];
    };
    expect(tcs.toolchains[0]?.ready).toBe(true);
    const missing = await app().request('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
    const redirect = await app().request('/s/abc123');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/play/?s=abc123');
  });
});
