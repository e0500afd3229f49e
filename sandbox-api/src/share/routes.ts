import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  canonicalPlaygroundState,
  ShareRequestSchema,
  type ApiError,
  type SharedStateResponse,
} from '../protocol.ts';
import { SHARE_ID_PATTERN, shareId } from './share-id.ts';
import type { AsyncShareStore } from './pg-share-store.ts';
import { openShareStore, type ShareStore } from './share-store.ts';

export type ShareRoutesOptions = {
  /** SQLite file of the store (`GML_SHARE_DB`); created with its directory when missing. */
  dbPath: string;
  /**
   * Largest accepted request body. A share carries up to two variants' sources plus an
   * optional recorded result, so this is looser than the analyze limit. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /** An already-open store (tests, Postgres in distributed mode); `dbPath` is then ignored. */
  store?: ShareStore | AsyncShareStore;
};

function error(code: ApiError['code'], message: string, extra: Partial<ApiError> = {}): ApiError {
  return { code, message, ...extra };
}

/**
 * Share-link routes, mounted by the app at `/api/v1/share`:
 * `POST /` stores `{state, result?}` and answers `{id, path}`; `GET /:id` answers the state and
 * the recorded result. Ids are content-addressed, so sharing the same state twice gives the
 * same link.
 */
export function createShareRoutes(opts: ShareRoutesOptions): Hono {
  const store: ShareStore | AsyncShareStore = opts.store ?? openShareStore(opts.dbPath);
  const app = new Hono();

  app.post(
    '/',
    bodyLimit({
      maxSize: opts.maxBodyBytes ?? 1024 * 1024,
      onError: (c) => c.json(error('body_too_large', 'the share request is too large'), 413),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json(error('invalid_json', 'the request body is not valid JSON'), 400);
      }
      const parsed = ShareRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        return c.json(error('invalid_request', 'the share request is not valid', { issues }), 400);
      }
      const stateJson = JSON.stringify(canonicalPlaygroundState(parsed.data.state));
      const id = shareId(stateJson);
      const { result, resultB } = parsed.data;
      const resultJson = result ? JSON.stringify(result) : null;
      // B's result means nothing without a B variant to show it next to.
      const resultBJson = resultB && parsed.data.state.b ? JSON.stringify(resultB) : null;
      const created = await store.put(id, stateJson, resultJson, resultBJson);
      return c.json({ id, path: `/s/${id}` }, created ? 201 : 200);
    },
  );

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!SHARE_ID_PATTERN.test(id)) {
      return c.json(error('invalid_request', 'a share id is 14 letters and digits'), 400);
    }
    const row = await store.get(id);
    if (!row) return c.json(error('not_found', `no shared playground has the id ${id}`), 404);
    const response: SharedStateResponse = {
      id: row.id,
      state: JSON.parse(row.stateJson) as SharedStateResponse['state'],
      createdAt: row.createdAt,
      ...(row.resultJson
        ? { result: JSON.parse(row.resultJson) as NonNullable<SharedStateResponse['result']> }
        : {}),
      ...(row.resultBJson
        ? { resultB: JSON.parse(row.resultBJson) as NonNullable<SharedStateResponse['resultB']> }
        : {}),
    };
    return c.json(response);
  });

  app.all('*', (c) => c.json(error('not_found', 'no such share route'), 404));
  return app;
}
