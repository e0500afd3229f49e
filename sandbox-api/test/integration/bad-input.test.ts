import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyzeResponseSchema, DEFAULT_LIMITS, type ErrorCode } from '../../src/protocol.ts';
import type { Service } from '../../src/service.ts';
import { appFor, errorOf, postAnalyze } from '../support/http-app.ts';
import { expectServiceRecovered, startHostileService } from '../support/hostile-service.ts';

const UID = 10072;
let service: Service;
let app: Hono;
let cleanup: () => void;

beforeAll(async () => {
  service = await startHostileService(UID);
  ({ app, cleanup } = appFor(service));
});
afterAll(async () => {
  // After every bad request above: still healthy, still answering, nothing left behind.
  await expectServiceRecovered(service, UID);
  await service.close();
  cleanup();
});

const HELLO = 'package main\n\nfunc main() {}\n';
const body = (o: unknown): string => JSON.stringify(o);
const one = (extra: Record<string, unknown>): string =>
  body({ files: [{ name: 'main.go', content: HELLO }], ...extra });

/** Sends `raw` and expects a 400 JSON error with `code`. */
async function expect400(
  raw: string | Uint8Array | ReadableStream<Uint8Array>,
  code: ErrorCode,
  message?: RegExp,
): Promise<void> {
  const { status, error } = await errorOf(await postAnalyze(app, raw));
  expect({ status, code: error.code }).toEqual({ status: 400, code });
  if (message) expect(error.message).toMatch(message);
}

describe('bad input: JSON', () => {
  it.each([
    ['an empty body', ''],
    ['a lone brace', '{'],
    ['a truncated request', one({}).slice(0, 40)],
    ['trailing garbage', `${one({})}}`],
    ['single quotes', "{'files': []}"],
    ['a bare NUL byte', '\u0000'],
  ])('%s is invalid_json', async (_label, raw) => {
    await expect400(raw, 'invalid_json', /not valid JSON/);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"package main"'],
    ['a number', '42'],
    ['an empty object', '{}'],
  ])('%s is invalid_request', async (_label, raw) => {
    await expect400(raw, 'invalid_request');
  });

  it('100,000 levels of nesting are refused without a stack overflow', async () => {
    const deep = `{"files":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(deep.length).toBeLessThan(DEFAULT_LIMITS.maxBodyBytes);
    await expect400(deep, 'invalid_request');
  });
});

describe('bad input: wrong types and values', () => {
  it.each([
    ['files as a string', { files: 'main.go' }],
    ['a file without content', { files: [{ name: 'main.go' }] }],
    ['content as a number', { files: [{ name: 'main.go', content: 42 }] }],
    ['an empty file list', { files: [] }],
    ['both files and txtar', { files: [{ name: 'main.go', content: HELLO }], txtar: HELLO }],
    ['an unknown mode', { txtar: HELLO, mode: 'exec' }],
    ['escapeDetail 3', { txtar: HELLO, escapeDetail: 3 }],
    ['inline as a string', { txtar: HELLO, inline: 'yes' }],
    ['an unknown field', { txtar: HELLO, gcflags: '-N -l' }],
    ['a build flag smuggled in env', { txtar: HELLO, env: { GOFLAGS: '-toolexec=/bin/sh' } }],
    ['GOGC out of range', { txtar: HELLO, env: { GOGC: '0' } }],
    ['GOMEMLIMIT in the wrong syntax', { txtar: HELLO, env: { GOMEMLIMIT: '1; rm -rf /' } }],
    [
      'a GODEBUG key outside the allow-list',
      { txtar: HELLO, env: { GODEBUG: 'gctrace=1,cpu.all=off' } },
    ],
    ['GOMAXPROCS of zero', { txtar: HELLO, env: { GOMAXPROCS: '0' } }],
    ['a toolchain that is a path', { txtar: HELLO, toolchain: '../../usr/bin' }],
  ])('%s', async (_label, req) => {
    await expect400(body(req), 'invalid_request');
  });

  it('GOMAXPROCS above the cores of this host', async () => {
    await expect400(
      one({ mode: 'run', env: { GOMAXPROCS: '512' } }),
      'invalid_request',
      /GOMAXPROCS may be at most/,
    );
  });

  it('a well-formed toolchain version that is not installed', async () => {
    await expect400(one({ toolchain: 'go1.99.1' }), 'unknown_toolchain', /available: go1\./);
  });
});

describe('bad input: sizes and counts', () => {
  it('a body over the limit is refused unread with 413, with or without a Content-Length', async () => {
    const huge = body({
      files: [
        { name: 'main.go', content: `${HELLO}//${'x'.repeat(DEFAULT_LIMITS.maxBodyBytes)}\n` },
      ],
    });
    const tooLarge = async (raw: string | ReadableStream<Uint8Array>): Promise<void> => {
      const { status, error } = await errorOf(await postAnalyze(app, raw));
      expect({ status, code: error.code }).toEqual({ status: 413, code: 'body_too_large' });
    };
    await tooLarge(huge);
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        // A client that never stops: the server must cut it off, not buffer it all.
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    await tooLarge(endless);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('source over 64 KiB inside a body under the limit', async () => {
    const src = `${HELLO}//${'x'.repeat(DEFAULT_LIMITS.maxSourceBytes)}\n`;
    await expect400(
      body({ files: [{ name: 'main.go', content: src }] }),
      'source_too_large',
      /limit is 65536 bytes/,
    );
  });

  it('source spread over several files still counts in total', async () => {
    const part = `package main\n//${'y'.repeat(20 * 1024)}\n`;
    const files = ['a.go', 'b.go', 'c.go', 'd.go'].map((name) => ({ name, content: part }));
    await expect400(body({ files }), 'source_too_large');
  });

  it('thousands of files, as a list or as txtar sections', async () => {
    const files = Array.from({ length: 5000 }, (_, i) => ({
      name: `f${i}.go`,
      content: 'package main\n',
    }));
    await expect400(body({ files }), 'too_many_files');
    const txtar = files.map((f) => `-- ${f.name} --\n${f.content}`).join('');
    await expect400(body({ txtar }), 'too_many_files', /at most 8 files, got 5000/);
  });

  it('deeply nested txtar markers are names, and bad ones', async () => {
    const nested = `-- main.go --\n${HELLO}${Array.from({ length: 5 }, (_, i) => `-- ${'-- '.repeat(i + 1)}x.go${' --'.repeat(i + 1)} --\n`).join('')}`;
    await expect400(body({ txtar: nested }), 'bad_file_name');
    // A txtar archive inside a file of a txtar archive: the inner markers split like any other.
    const inner = `-- main.go --\n${HELLO}-- a.go --\n-- b.go --\n-- c.go --\n-- d.go --\n-- e.go --\n-- f.go --\n-- g.go --\n-- h.go --\n`;
    await expect400(body({ txtar: inner }), 'too_many_files');
  });

  it('the same file twice', async () => {
    await expect400(
      body({
        files: [
          { name: 'main.go', content: HELLO },
          { name: 'main.go', content: HELLO },
        ],
      }),
      'bad_file_name',
      /appears twice/,
    );
  });
});

describe('bad input: file names', () => {
  it.each([
    '../main.go',
    '../../../../etc/cron.d/x.go',
    '/etc/passwd.go',
    '/job/prog.go',
    'sub/dir.go',
    'sub\\dir.go',
    '.hidden.go',
    '-flag.go',
    'main.go\u0000.txt',
    'main',
    'go.mod',
    'main.s',
    'main.c',
    `${'a'.repeat(64)}.go`,
    'main.go ',
    'mäin.go',
  ])('%j is bad_file_name in files and as a txtar marker', async (name) => {
    await expect400(body({ files: [{ name, content: HELLO }] }), 'bad_file_name');
    await expect400(
      body({ txtar: `-- main.go --\n${HELLO}-- ${name} --\n${HELLO}` }),
      'bad_file_name',
    );
  });
});

describe('bad input: bytes the compiler should never see', () => {
  it('a body that is not valid UTF-8 is a 400, not a source full of U+FFFD', async () => {
    const enc = new TextEncoder();
    const bytes = new Uint8Array([
      ...enc.encode(
        '{"files":[{"name":"main.go","content":"package main\\n\\nfunc main() { println(\\"',
      ),
      0xff,
      0xfe,
      ...enc.encode('\\") }\\n"}]}'),
    ]);
    const { status, error } = await errorOf(await postAnalyze(app, bytes));
    expect(status).toBe(400);
    expect(['invalid_json', 'invalid_request']).toContain(error.code);
    expect(error.message).toMatch(/UTF-8/);
  });

  it('a NUL byte in the source is a 400 naming the file', async () => {
    const { status, error } = await errorOf(
      await postAnalyze(
        app,
        body({ files: [{ name: 'main.go', content: 'package main\u0000\n\nfunc main() {}\n' }] }),
      ),
    );
    expect(status).toBe(400);
    expect(error.message).toMatch(/main\.go.*NUL|NUL.*main\.go/);
  });
});

describe('bad input: the service survives all of it', () => {
  it('answers a good request right after, with a valid response', async () => {
    const res = await postAnalyze(app, one({}));
    expect(res.status).toBe(200);
    const r = AnalyzeResponseSchema.parse(await res.json());
    expect(r.ok).toBe(true);
    expect(service.health().status).toBe('ok');
  });
});
