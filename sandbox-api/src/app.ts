import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { ApiFailure } from './errors.ts';
import { AnalyzeRequestSchema, API_PREFIX, DEFAULT_LIMITS, type ApiError } from './protocol.ts';
import type { Service } from './service.ts';
import { shortLinkTarget } from './share/short-link-redirect.ts';
import { createShareRoutes } from './share/routes.ts';

/** Where the app finds the site and the share store. */
export interface AppOptions {
  /** The built Astro site (`dist/`); omitted means API only. */
  staticDir?: string;
  shareDbPath: string;
}

function fail(c: Context, status: number, body: ApiError, retryAfter?: number): Response {
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  return c.json(body, status as 400);
}

/**
 * The HTTP face of the service. Every error is JSON `{code, message}`; a user's compile error
 * is a 200 with ok:false; 5xx only when the service itself failed.
 */
export function createApp(service: Service, opts: AppOptions): Hono {
  const app = new Hono();
  // Chapter pages lazy-load CodeMirror (~0.5 MB raw); gzip keeps that a fraction of it.
  app.use('*', compress());

  app.post(
    `${API_PREFIX}/analyze`,
    bodyLimit({
      maxSize: DEFAULT_LIMITS.maxBodyBytes,
      onError: (c) =>
        fail(c, 400, {
          code: 'body_too_large',
          message: `request bodies are limited to ${DEFAULT_LIMITS.maxBodyBytes} bytes`,
        }),
    }),
    async (c) => {
      let text: string;
      try {
        // Lenient decoding would hand the compiler U+FFFD where the client sent garbage.
        text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
      } catch {
        return fail(c, 400, {
          code: 'invalid_json',
          message: 'the request body is not valid UTF-8',
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return fail(c, 400, {
          code: 'invalid_json',
          message: 'the request body is not valid JSON',
        });
      }
      const parsed = AnalyzeRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        const badName = parsed.error.issues.find(
          (i) => i.path.at(-1) === 'name' && i.path[0] === 'files',
        );
        const tooMany = parsed.error.issues.find(
          (i) => i.path.length === 1 && i.path[0] === 'files' && i.code === 'too_big',
        );
        const code = badName ? 'bad_file_name' : tooMany ? 'too_many_files' : 'invalid_request';
        const message = issues
          .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
          .join('; ');
        return fail(c, 400, { code, message, issues });
      }
      try {
        return c.json(await service.analyze(parsed.data, { signal: c.req.raw.signal }));
      } catch (e) {
        if (e instanceof ApiFailure) return fail(c, e.status, e.body, e.retryAfter);
        console.error('analyze failed:', e);
        return fail(c, 500, {
          code: 'internal',
          message: 'the service failed to run this request',
        });
      }
    },
  );
  app.get(`${API_PREFIX}/health`, (c) => c.json(service.health()));
  app.get(`${API_PREFIX}/toolchains`, (c) => c.json(service.toolchains()));
  app.route(`${API_PREFIX}/share`, createShareRoutes({ dbPath: opts.shareDbPath }));
  app.all(`${API_PREFIX}/*`, (c) =>
    fail(c, 404, { code: 'not_found', message: `no such endpoint: ${c.req.method} ${c.req.path}` }),
  );
  app.all('/api/*', (c) =>
    fail(c, 404, { code: 'not_found', message: `no such endpoint: ${c.req.method} ${c.req.path}` }),
  );
  app.get('/s/:id', (c) =>
    c.redirect(shortLinkTarget(c.req.param('id'), new URL(c.req.url).searchParams), 302),
  );

  if (opts.staticDir !== undefined) {
    const root = path.resolve(opts.staticDir);
    // Astro fingerprints everything under /_astro/, so those files never change under a name.
    app.use('/_astro/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root }));
    const notFound = path.join(root, '404.html');
    app.notFound((c) =>
      fs.existsSync(notFound)
        ? c.html(fs.readFileSync(notFound, 'utf8'), 404)
        : c.text('not found', 404),
    );
  }
  app.onError((e, c) => {
    console.error(e);
    return fail(c, 500, { code: 'internal', message: 'internal error' });
  });
  return app;
}
