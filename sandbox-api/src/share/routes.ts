import { Hono } from 'hono';

/**
 * Share-link routes, mounted by the app at `/api/v1/share`.
 * Placeholder until the share store lands: answers 404 for everything.
 */
export function createShareRoutes(_opts: { dbPath: string }): Hono {
  const app = new Hono();
  app.all('*', (c) => c.json({ code: 'not_found', message: 'share links are not available yet' }, 404));
  return app;
}
