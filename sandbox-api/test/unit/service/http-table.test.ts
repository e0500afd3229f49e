/**
 * The service's HTTP answers over a fake process runner: for each thing a sandboxed step can
 * do, the status, the body ({code, message} or a result), whether the result is reused for an
 * identical request, and the headers. The compiler and runtime text is real captured output
 * (test/fixtures); no Go, no bubblewrap, so the table runs in milliseconds. The real-toolchain
 * suites (integration, hostile) prove the runner itself.
 */
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyzeResponseSchema, type AnalyzeRequest } from '../../../src/protocol.ts';
import { stableOf } from '../../../src/share/signed-body.ts';
import { type ServiceConfig } from '../../../src/service.ts';
import type { Platform } from '../../../src/platform.ts';
import { type FakeScript } from '../../support/fake-platform.ts';
import { fakeService, type FakeService } from '../../support/fake-service.ts';
import { errorOf } from '../../support/http-app.ts';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(import.meta.dirname, '../../fixtures', name), 'utf8');
const DECISIONS = fixture('esc-return-addr/m1.txt');
const COMPILE_ERRORS = fixture('compile-error/m1.txt');
const GCTRACE = fixture('gctrace/stderr.txt');
const SOURCE = 'package main\n\nfunc main() {}\n';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function serviceWith(
  script: () => FakeScript,
  config: Partial<ServiceConfig> = {},
  overrides: Partial<Platform> = {},
): Promise<FakeService> {
  const s = await fakeService(script, config, overrides);
  cleanups.push(s.close);
  return s;
}

const build = (content = SOURCE): AnalyzeRequest => ({
  files: [{ name: 'main.go', content }],
});
const run = (content = SOURCE): AnalyzeRequest => ({ ...build(content), mode: 'run' });

interface ResultRow {
  name: string;
  script: FakeScript;
  req: AnalyzeRequest;
  check: (r: ReturnType<typeof AnalyzeResponseSchema.parse>) => void;
  /** The identical request again is answered from the cache (no second compile). */
  cacheable: boolean;
}

const resultRows: ResultRow[] = [
  {
    name: 'build: the compiler’s decisions',
    script: { compile: { stdout: DECISIONS } },
    req: build(),
    check: (r) => {
      expect(r.ok).toBe(true);
      expect(r.decisions.map((d) => d.kind)).toContain('moved-to-heap');
    },
    cacheable: true,
  },
  {
    name: 'build: the program does not compile',
    script: { compile: { exitCode: 1, stdout: COMPILE_ERRORS } },
    req: build(),
    check: (r) => {
      expect(r.ok).toBe(false);
      expect(r.compileErrors.map((e) => e.line)).toEqual([8, 9, 9, 10]);
    },
    cacheable: true,
  },
  {
    name: 'build: the compiler ran out of time',
    script: { compile: { exitCode: null, signal: 'SIGKILL', timedOut: true } },
    req: build(),
    check: (r) => {
      expect(r.ok).toBe(false);
      expect(r.compileErrors[0]?.message).toMatch(/compiler was stopped after 10 s/);
    },
    cacheable: false,
  },
  {
    name: 'build: the compiler failed without a diagnostic (a full disk)',
    script: {
      compile: { exitCode: 2, stderr: 'compile: writing output: no space left on device' },
    },
    req: build(),
    check: (r) => {
      expect(r.ok).toBe(false);
      expect(r.compileErrors[0]?.message).toContain('no space left on device');
    },
    cacheable: false,
  },
  {
    name: 'run: the program ran (output and GC cycles)',
    script: { compile: { stdout: DECISIONS }, run: { stdout: 'hi\n', stderr: GCTRACE } },
    req: run(),
    check: (r) => {
      expect(r.ok).toBe(true);
      expect(r.run?.stdout.text).toBe('hi\n');
      expect(r.gc?.cycles.length).toBeGreaterThan(0);
    },
    cacheable: false,
  },
  {
    name: 'run: the linker failed',
    script: { link: { exitCode: 2, stderr: 'link: undefined: main.missing' } },
    req: run(),
    check: (r) => {
      expect(r.ok).toBe(false);
      expect(r.compileErrors[0]?.message).toBe('link: undefined: main.missing');
      expect(r.run).toBeUndefined();
    },
    cacheable: false,
  },
  {
    name: 'run: the program hit its memory limit',
    script: { run: { exitCode: null, signal: 'SIGKILL', outOfMemory: true } },
    req: run(),
    check: (r) => {
      expect(r.run?.killed?.code).toBe('memory');
      expect(r.run?.killedReason).toMatch(/more than 256 MiB/);
    },
    cacheable: false,
  },
];

describe('POST /analyze over a fake process runner', () => {
  it.each(resultRows)('$name', async ({ script, req, check, cacheable }) => {
    const s = await serviceWith(() => script);
    const first = await s.post(req);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('retry-after')).toBeNull();
    const body = AnalyzeResponseSchema.parse(await first.json());
    expect(body.cached).toBe(false);
    check(body);
    const again = AnalyzeResponseSchema.parse(await (await s.post(req)).json());
    expect(again.cached).toBe(cacheable);
    expect(s.runs()).toBe(cacheable ? 1 : 2);
    check(again);
    // A hit is served from bytes prepared on the miss: signed for its own delivery all the same,
    // and the same result apart from `cached`, `timing` and the signature.
    expect([s.verify(body), s.verify(again)]).toEqual([true, true]);
    expect(stableOf(again)).toEqual(stableOf(body));
  });

  interface ErrorRow {
    name: string;
    setup: () => ReturnType<typeof serviceWith>;
    req: AnalyzeRequest;
    status: number;
    code: string;
    retryAfter: 'none' | 'seconds';
  }
  const errorRows: ErrorRow[] = [
    {
      name: 'the sandbox could not start the compiler: 500, never cached',
      setup: () =>
        serviceWith(() => ({
          compile: { exitCode: 1, stderr: 'bwrap: Creating new namespace failed: No space' },
        })),
      req: build(),
      status: 500,
      code: 'internal',
      retryAfter: 'none',
    },
    {
      name: 'an unknown toolchain: 400 before anything runs',
      setup: () => serviceWith(() => ({})),
      req: { ...build(), toolchain: 'go1.99.0' },
      status: 400,
      code: 'unknown_toolchain',
      retryAfter: 'none',
    },
    {
      name: 'the standard library cannot be warmed: 503',
      setup: () =>
        serviceWith(() => ({}), {}, { warmToolchain: () => Promise.reject(new Error('ENOSPC')) }),
      req: build(),
      status: 503,
      code: 'unavailable',
      retryAfter: 'none',
    },
    {
      name: 'the sandbox is installed but broken: 503 with Retry-After',
      setup: () =>
        serviceWith(
          () => ({}),
          {},
          {
            detectSandbox: () =>
              Promise.resolve({
                mode: {
                  kind: 'bubblewrap',
                  uid: 10001,
                  cgroups: undefined,
                  bwrap: '',
                  setpriv: '',
                },
                note: 'probe failed',
                broken: 'the sandbox is installed but its probe failed',
              }),
          },
        ),
      req: build(),
      status: 503,
      code: 'unavailable',
      retryAfter: 'seconds',
    },
  ];

  it.each(errorRows)('$name', async ({ setup, req, status, code, retryAfter }) => {
    const s = await setup();
    const { status: got, error } = await errorOf(await s.post(req));
    expect({ status: got, code: error.code }).toEqual({ status, code });
    expect(error.message.length).toBeGreaterThan(0);
    const again = await s.post(req);
    expect(again.status).toBe(status);
    if (retryAfter === 'seconds')
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    else expect(again.headers.get('retry-after')).toBeNull();
  });

  it('a full waiting line: 429 queue_full with Retry-After, then the held job still answers', async () => {
    let release = (): void => {};
    const hold = new Promise<void>((r) => (release = r));
    const s = await serviceWith(() => ({ compile: { hold } }), {
      workers: 1,
      maxWaiting: 0,
      clientMaxInFlight: 10,
    });
    const held = s.post(build());
    await expect.poll(() => s.runs()).toBe(1);
    const refused = await s.post(build(`${SOURCE}// another program\n`));
    const { status, error } = await errorOf(refused);
    expect({ status, code: error.code }).toEqual({ status: 429, code: 'queue_full' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    release();
    expect((await held).status).toBe(200);
  });

  it('one client over its share: 429 client_busy with Retry-After', async () => {
    let release = (): void => {};
    const hold = new Promise<void>((r) => (release = r));
    const s = await serviceWith(() => ({ compile: { hold } }), {
      workers: 4,
      clientMaxInFlight: 1,
    });
    const held = s.post(build());
    await expect.poll(() => s.runs()).toBe(1);
    const refused = await s.post(build(`${SOURCE}// another program\n`));
    const { status, error } = await errorOf(refused);
    expect({ status, code: error.code }).toEqual({ status: 429, code: 'client_busy' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    release();
    expect((await held).status).toBe(200);
  });

  it('a hit is gzipped for a client that takes gzip, and sent as prepared to one that does not', async () => {
    const s = await serviceWith(() => ({ compile: { stdout: DECISIONS } }));
    expect((await s.post(build())).status).toBe(200);
    const zipped = await s.post(build(), { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const hit = AnalyzeResponseSchema.parse(
      JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')),
    );
    expect(hit.cached).toBe(true);
    expect(s.verify(hit)).toBe(true);
    const plain = await s.post(build());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(s.verify(AnalyzeResponseSchema.parse(await plain.json()))).toBe(true);
  });
});
