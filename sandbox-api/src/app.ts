import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { ClientAdmission, type Admission } from './admission/client-admission.ts';
import { trustedProxies } from './admission/client-key.ts';
import { clientOf } from './admission/client-of.ts';
import { ClientRate } from './admission/client-rate.ts';
import { bodyCap } from './body-cap.ts';
import { failureResponse, invalidRequest, notFound, parseJsonBody } from './errors.ts';
import { AnalyzeRequestSchema, API_PREFIX, DEFAULT_LIMITS } from './protocol.ts';
import { responseBodies } from './cache/response-bodies.ts';
import type { Service } from './service.ts';
import { loadResultKey } from './share/result-key.ts';
import { resultSigner } from './share/result-signer.ts';
import type { ClassStore } from './classes/class-store.ts';
import { createClassRoutes } from './classes/routes.ts';
import type { ServiceMetrics } from './metrics/registry.ts';
import type { AsyncShareStore } from './share/pg-share-store.ts';
import { shortLinkTarget } from './share/short-link-redirect.ts';
import { notFoundPage } from './not-found-page.ts';
import { createShareRoutes } from './share/routes.ts';
import { createFormatRoutes } from './format/routes.ts';

/** Where the app finds the site and the share store. */
export interface AppOptions {
  /** The built Astro site (`dist/`); omitted means API only. */
  staticDir?: string;
  shareDbPath: string;
  /** The 0600 file holding the result-signing key; default `<stateDir>/result-key`. */
  resultKeyPath?: string;
  /** Share links elsewhere than `shareDbPath` (Postgres with `GML_DATABASE_URL`). */
  shareStore?: AsyncShareStore;
  /** Classes elsewhere than `shareDbPath` (Postgres with `GML_DATABASE_URL`). */
  classStore?: ClassStore;
  /** Wraps this node's per-client admission (distributed mode: counted on every node). */
  admission?: (local: ClientAdmission) => Admission;
  /** Aborted when the node starts shutting down: long-lived streams (class dashboards) close. */
  shutdown?: AbortSignal;
  /** Serves `GET /metrics` (Prometheus text) when given. */
  metrics?: ServiceMetrics;
}

/**
 * The HTTP face of the service. Every error is JSON `{code, message}` built by `errors.ts`; a
 * user's compile error is a 200 with ok:false; 5xx only when the service itself failed. Each
 * client (socket address, or the forwarded one behind a trusted proxy) gets a fair share:
 * `clientMaxInFlight` analyze requests at once, `clientSharesPerMinute` share links and
 * `clientClassesPerMinute` new classes.
 */
export function createApp(service: Service, opts: AppOptions): Hono {
  const { config } = service;
  const app = new Hono();
  const proxies = trustedProxies(config.trustedProxies);
  const localAdmission = new ClientAdmission(config.clientMaxInFlight, config.log);
  const admission = opts.admission ? opts.admission(localAdmission) : localAdmission;
  const shareRate = new ClientRate(config.clientSharesPerMinute);
  const classRate = new ClientRate(config.clientClassesPerMinute, { what: 'classes' });
  const signer = resultSigner(
    loadResultKey(opts.resultKeyPath ?? path.join(config.stateDir, 'result-key')),
  );
  const bodyOf = responseBodies(signer);
  // Chapter pages lazy-load CodeMirror (~0.5 MB raw); gzip keeps that a fraction of it.
  app.use('*', compress());

  app.post(`${API_PREFIX}/analyze`, bodyCap(DEFAULT_LIMITS.maxBodyBytes), async (c) => {
    let release: (() => void) | undefined;
    try {
      // The body is read before any refusal, so the connection stays usable after a 429, but
      // parsed only once admitted: a flooding client's refusals stay cheap.
      const bytes = await c.req.arrayBuffer();
      release = await admission.acquire(clientOf(c, proxies));
      const parsed = AnalyzeRequestSchema.safeParse(parseJsonBody(bytes));
      if (!parsed.success) throw invalidRequest(parsed.error);
      const { signal } = c.req.raw;
      // A client that gives up frees its place at once; its job stops with its last watcher.
      signal.addEventListener('abort', release, { once: true });
      const answer = await service.answer(parsed.data, { signal });
      // Vary is what compress() would add; set here, it leaves the prepared bytes as they are
      // for a client that takes no gzip, instead of re-reading them as a stream.
      return c.body(bodyOf(answer), 200, {
        'Content-Type': 'application/json',
        Vary: 'Accept-Encoding',
      });
    } catch (e) {
      return failureResponse(e);
    } finally {
      release?.();
    }
  });
  app.route(
    `${API_PREFIX}/format`,
    createFormatRoutes({
      format: (req, o) => service.format(req, o),
      admit: (c) => admission.acquire(clientOf(c, proxies)),
    }),
  );
  app.get(`${API_PREFIX}/health`, (c) =>
    c.json({ ...service.health(), clients: admission.snapshot() }),
  );
  app.get(`${API_PREFIX}/toolchains`, (c) => c.json(service.toolchains()));
  app.route(
    `${API_PREFIX}/share`,
    createShareRoutes({
      dbPath: opts.shareDbPath,
      maxStoreBytes: config.shareMaxBytes,
      signer,
      admit: (c) => shareRate.take(clientOf(c, proxies)),
      ...(opts.shareStore ? { store: opts.shareStore } : {}),
    }),
  );
  const metrics = opts.metrics;
  if (metrics) {
    metrics.watch(() => service.health());
    app.get('/metrics', async (c) => {
      const { contentType, text } = await metrics.render();
      return c.body(text, 200, { 'Content-Type': contentType });
    });
  }
  app.route(
    `${API_PREFIX}/classes`,
    createClassRoutes({
      dbPath: opts.shareDbPath,
      admitCreate: (c) => classRate.take(clientOf(c, proxies)),
      ...(opts.shutdown ? { shutdown: opts.shutdown } : {}),
      ...(opts.classStore ? { store: opts.classStore } : {}),
    }),
  );
  app.all('/api/*', (c) =>
    failureResponse(notFound(`no such endpoint: ${c.req.method} ${c.req.path}`)),
  );
  app.get('/s/:id', (c) =>
    c.redirect(shortLinkTarget(c.req.param('id'), new URL(c.req.url).searchParams), 302),
  );

  if (opts.staticDir !== undefined) {
    const root = path.resolve(opts.staticDir);
    // Astro fingerprints everything under /_astro/, and a snippet's data file is named by a hash
    // of its body (src/components/snippet/snippet-data.ts): they never change under a name.
    for (const hashed of ['/_astro/*', '/snippet-data/*']) {
      app.use(hashed, async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      });
    }
    app.use('*', serveStatic({ root }));
    app.notFound((c) => {
      const page = notFoundPage(root, c.req.path);
      return page ? c.html(fs.readFileSync(page, 'utf8'), 404) : c.text('not found', 404);
    });
  }
  app.onError((e) => failureResponse(e));
  return app;
}
