import { Hono, type Context } from 'hono';
import { bodyCap } from '../body-cap.ts';
import { failureResponse, invalidRequest, parseJsonBody } from '../errors.ts';
import {
  DEFAULT_LIMITS,
  FormatRequestSchema,
  FormatResponseSchema,
  type FormatRequest,
  type FormatResponse,
} from '../protocol.ts';

export interface FormatRoutesOptions {
  format(req: FormatRequest, opts: { signal: AbortSignal }): Promise<FormatResponse>;
  /** Takes the client's place among its requests in flight (throws 429; may wait on the shared Redis count); returns the release. */
  admit(c: Context): (() => void) | Promise<() => void>;
}

/** `POST /format` (mounted under the API prefix): gofmt of one file, errors as `{code, message}`. */
export function createFormatRoutes(opts: FormatRoutesOptions): Hono {
  const app = new Hono();
  app.post('/', bodyCap(DEFAULT_LIMITS.maxBodyBytes), async (c) => {
    let release: (() => void) | undefined;
    try {
      const bytes = await c.req.arrayBuffer();
      release = await opts.admit(c);
      const parsed = FormatRequestSchema.safeParse(parseJsonBody(bytes));
      if (!parsed.success) throw invalidRequest(parsed.error);
      const { signal } = c.req.raw;
      const out = await opts.format(parsed.data, { signal });
      return c.json(FormatResponseSchema.parse(out));
    } catch (e) {
      return failureResponse(e);
    } finally {
      release?.();
    }
  });
  return app;
}
