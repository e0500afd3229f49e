import { Hono, type Context } from 'hono';
import { bodyCap } from '../body-cap.ts';
import { badRequest, failureResponse, notFound, invalidRequest, parseJsonBody } from '../errors.ts';
import {
  canonicalPlaygroundState,
  ShareRequestSchema,
  type AnalyzeResponse,
  type SharedStateResponse,
  type Variant,
} from '../protocol.ts';
import { resultMatches } from './result-matches.ts';
import type { ResultSigner } from './result-signer.ts';
import type { AsyncShareStore } from './pg-share-store.ts';
import { SHARE_ID_PATTERN, shareId } from './share-id.ts';
import { openShareStore, type ShareStore } from './share-store.ts';

export type ShareRoutesOptions = {
  /** SQLite file of the store (`GML_SHARE_DB`); created with its directory when missing. */
  dbPath: string;
  /**
   * Largest accepted request body. A share carries up to two variants' sources plus an
   * optional recorded result, so this is looser than the analyze limit. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /** Size cap of the store file (`GML_SHARE_MAX_BYTES`); none when omitted. */
  maxStoreBytes?: number;
  /** An already-open store (tests, Postgres in distributed mode); `dbPath` is then ignored. */
  store?: ShareStore | AsyncShareStore;
  /** Recognises results this service produced: only those are recorded with a link. */
  signer: ResultSigner;
  /** Called for a valid request before anything is written; throws to refuse (rate limits). */
  admit?: (c: Context) => void;
};

/** The recorded result of `variant`, refused unless this service produced it for that code. */
function recorded(
  signer: ResultSigner,
  result: AnalyzeResponse,
  variant: Variant,
  label: string,
): string {
  if (!signer.verify(result)) {
    throw badRequest(
      'unverified_result',
      `${label} was not produced by this service or was changed since; share the code without it, or run it again`,
    );
  }
  if (!resultMatches(result, variant)) {
    throw badRequest(
      'unverified_result',
      `${label} belongs to other code or settings than the ones shared; run it again before sharing`,
    );
  }
  return JSON.stringify(result);
}

/**
 * Share-link routes, mounted by the app at `/api/v1/share`:
 * `POST /` stores `{state, result?}` and answers `{id, path}`; `GET /:id` answers the state and
 * the recorded result. Ids are content-addressed, so sharing the same state twice gives the
 * same link. A result is recorded only when it carries this service's signature and belongs to
 * the shared code: a link never shows compiler decisions the compiler did not make.
 */
export function createShareRoutes(opts: ShareRoutesOptions): Hono {
  const store: ShareStore | AsyncShareStore =
    opts.store ??
    openShareStore(
      opts.dbPath,
      opts.maxStoreBytes !== undefined ? { maxBytes: opts.maxStoreBytes } : {},
    );
  const { signer } = opts;
  const app = new Hono();

  app.post('/', bodyCap(opts.maxBodyBytes ?? 1024 * 1024), async (c) => {
    try {
      const parsed = ShareRequestSchema.safeParse(parseJsonBody(await c.req.arrayBuffer()));
      if (!parsed.success) throw invalidRequest(parsed.error);
      const { state, result, resultB } = parsed.data;
      const resultJson = result ? recorded(signer, result, state.a, 'the result') : null;
      // B's result means nothing without a B variant to show it next to.
      const resultBJson =
        resultB && state.b ? recorded(signer, resultB, state.b, "variant B's result") : null;
      opts.admit?.(c);
      const stateJson = JSON.stringify(canonicalPlaygroundState(state));
      const id = shareId(stateJson);
      const created = await store.put(id, stateJson, resultJson, resultBJson);
      return c.json({ id, path: `/s/${id}` }, created ? 201 : 200);
    } catch (e) {
      return failureResponse(e);
    }
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!SHARE_ID_PATTERN.test(id)) {
      return failureResponse(badRequest('invalid_request', 'a share id is 14 letters and digits'));
    }
    const row = await store.get(id);
    if (!row) {
      return failureResponse(notFound(`no shared playground has the id ${id}`));
    }
    // Rows written before results were signed (or with another key) lose their result here.
    const verified = (json: string | null): AnalyzeResponse | undefined => {
      if (json === null) return undefined;
      const r = JSON.parse(json) as AnalyzeResponse;
      return signer.verify(r) ? r : undefined;
    };
    const result = verified(row.resultJson);
    const resultB = verified(row.resultBJson);
    const response: SharedStateResponse = {
      id: row.id,
      state: JSON.parse(row.stateJson) as SharedStateResponse['state'],
      createdAt: row.createdAt,
      ...(result ? { result } : {}),
      ...(resultB ? { resultB } : {}),
    };
    return c.json(response);
  });

  app.all('*', () => failureResponse(notFound('no such share route')));
  return app;
}
