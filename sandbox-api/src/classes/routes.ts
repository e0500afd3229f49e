/**
 * Class routes, mounted by the app at `/api/v1/classes` (issue 15):
 *
 *   POST   /                                    create → 201 {id, joinUrl, dashboardUrl}
 *   GET    /:id                                 public info for the join page
 *   POST   /:id/learners                        join {name, token} (same token → same learner)
 *   POST   /:id/progress                        one check's report → 204 (rate-limited per learner)
 *   GET    /:id/dashboard                       key → the grid's data (ETag / 304)
 *   GET    /:id/events                          key → live updates (SSE: snapshot, deltas, end)
 *   GET    /:id/learners/:learner/cells/:ex     key → one cell with the shared code
 *   GET    /:id/export.csv                      key → CSV
 *   DELETE /:id                                 key → ends the class, deleting learners' data
 *
 * The key travels as `?key=` (the dashboard link carries it) or `Authorization: Bearer`.
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { bodyCap } from '../body-cap.ts';
import { ApiFailure, failureResponse, invalidRequest, parseJsonBody } from '../errors.ts';
import {
  CLASS_ID_PATTERN,
  CLASS_LIMITS,
  ClassCellDetailSchema,
  CreateClassRequestSchema,
  DEFAULT_LIMITS,
  JoinClassRequestSchema,
  LEARNER_ID_PATTERN,
  ProgressReportSchema,
  type CreateClassResponse,
  type JoinClassResponse,
} from '../protocol.ts';
import { classCsv } from './class-csv.ts';
import { classDashboard, classInfo, publicCell } from './class-dashboard.ts';
import { streamClassEvents } from './class-events.ts';
import { createClassFeeds } from './class-feed.ts';
import {
  newClassId,
  newClassKey,
  newLearnerId,
  secretMatches,
  sha256Hex,
} from './class-secrets.ts';
import type { ClassStore, StoredClass } from './class-store.ts';
import { readExerciseSlugs } from './known-exercises.ts';
import { mergeProgress } from './merge-progress.ts';
import { createRateLimiter } from './rate-limit.ts';
import { openSqliteClassStore } from './sqlite-class-store.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface ClassRoutesOptions {
  /** The share database file; class tables live beside the share links. */
  dbPath: string;
  /** An already-open store (tests, or Postgres); `dbPath` is then ignored. */
  store?: ClassStore;
  /** Days until a class and its learners' data are deleted; default `GML_CLASS_TTL_DAYS` or 7. */
  ttlDays?: number;
  maxLearners?: number;
  /** Progress reports per learner: burst and sustained rate. Default 6, one per 2 s. */
  progressBurst?: number;
  progressPerSecond?: number;
  /** Known exercise slugs; default read from `content/exercises/` (undefined: any). */
  exerciseSlugs?: readonly string[] | undefined;
  /** Throws the 429 when this request's client has created too many classes (app.ts). */
  admitCreate?: (c: Context) => void;
  /** Aborted when the node shuts down: live streams close so the server can drain. */
  shutdown?: AbortSignal;
  /** Live streams: re-read period for other nodes' writes, heartbeat, streams per class. */
  feed?: { pollMs?: number; heartbeatMs?: number; maxStreams?: number };
  /** Injected clock (expiry tests). */
  now?: () => Date;
}

export function classTtlDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['GML_CLASS_TTL_DAYS'];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 && n <= 365 ? n : 7;
}

function parseOr400<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidRequest(parsed.error);
}

async function jsonBody(c: Context): Promise<unknown> {
  return parseJsonBody(await c.req.arrayBuffer());
}

function keyOf(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return c.req.query('key');
}

const notFound = (): ApiFailure =>
  new ApiFailure(404, {
    code: 'not_found',
    message: 'no such class: the link may be mistyped, or the class has ended or expired',
  });

const forbidden = (): ApiFailure =>
  new ApiFailure(403, {
    code: 'forbidden',
    message: "this needs the instructor's key from the dashboard link",
  });

export function createClassRoutes(opts: ClassRoutesOptions): Hono {
  const store = opts.store ?? openSqliteClassStore(opts.dbPath);
  const now = opts.now ?? (() => new Date());
  const ttlMs = (opts.ttlDays ?? classTtlDaysFromEnv()) * DAY_MS;
  const maxLearners = opts.maxLearners ?? CLASS_LIMITS.maxLearners;
  const known = 'exerciseSlugs' in opts ? opts.exerciseSlugs : readExerciseSlugs();
  const limiter = createRateLimiter({
    burst: opts.progressBurst ?? 6,
    perSecond: opts.progressPerSecond ?? 0.5,
  });
  const feeds = createClassFeeds({ store, now, ...opts.feed });
  opts.shutdown?.addEventListener('abort', () => feeds.close(), { once: true });
  let lastSweep = 0;
  // Expired classes are invisible at once (getClass filters them); their rows go at most every
  // ten minutes, on whatever request comes next, so no timer keeps the process awake.
  const sweep = async (): Promise<void> => {
    const t = now().getTime();
    if (t - lastSweep < 10 * 60 * 1000) return;
    lastSweep = t;
    await store.sweepExpired(now());
  };

  const classOr404 = async (c: Context): Promise<StoredClass> => {
    const id = c.req.param('id') ?? '';
    if (!CLASS_ID_PATTERN.test(id)) throw notFound();
    const cls = await store.getClass(id, now());
    if (!cls) throw notFound();
    return cls;
  };
  const instructorClass = async (c: Context): Promise<StoredClass> => {
    const cls = await classOr404(c);
    if (!secretMatches(keyOf(c), cls.keyHash)) throw forbidden();
    return cls;
  };

  const app = new Hono();
  app.use('*', bodyCap(DEFAULT_LIMITS.maxBodyBytes));
  app.use('*', async (c, next) => {
    await sweep();
    await next();
    // Class data is personal and live: never cached by a browser or proxy.
    c.header('Cache-Control', 'no-store');
  });

  app.post('/', async (c) => {
    const req = parseOr400(CreateClassRequestSchema, await jsonBody(c));
    if (known) {
      const unknown = req.exercises.filter((s) => !known.includes(s));
      if (unknown.length > 0) {
        throw new ApiFailure(400, {
          code: 'invalid_request',
          message: `no such exercise: ${unknown.join(', ')}`,
          issues: [{ path: 'exercises', message: `unknown: ${unknown.join(', ')}` }],
        });
      }
    }
    // Only a class that would be created spends the client's token; a typo costs nothing.
    opts.admitCreate?.(c);
    const id = newClassId();
    const key = newClassKey();
    const created = now();
    await store.createClass({
      id,
      name: req.name,
      exercises: req.exercises,
      ...(req.minutes !== undefined ? { minutes: req.minutes } : {}),
      keyHash: sha256Hex(key),
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + ttlMs).toISOString(),
      revision: 0,
    });
    const body: CreateClassResponse = {
      id,
      joinUrl: `/workshop/classes/join/?c=${id}`,
      dashboardUrl: `/workshop/classes/dashboard/?c=${id}&key=${key}`,
    };
    return c.json(body, 201);
  });

  app.get('/:id', async (c) => c.json(classInfo(await classOr404(c))));

  app.post('/:id/learners', async (c) => {
    const cls = await classOr404(c);
    const req = parseOr400(JoinClassRequestSchema, await jsonBody(c));
    const tokenHash = sha256Hex(req.token);
    const existing = await store.learnerByToken(cls.id, tokenHash);
    if (existing) {
      if (existing.name !== req.name) {
        await store.renameLearner(cls.id, existing.id, req.name);
        feeds.changed(cls.id);
      }
      const body: JoinClassResponse = { learnerId: existing.id, name: req.name, created: false };
      return c.json(body, 200);
    }
    const learner = {
      id: newLearnerId(),
      tokenHash,
      name: req.name,
      joinedAt: now().toISOString(),
    };
    if ((await store.addLearner(cls.id, learner, maxLearners)) === 'full') {
      throw new ApiFailure(409, {
        code: 'class_full',
        message: `this class already has ${maxLearners} learners`,
      });
    }
    feeds.changed(cls.id);
    const body: JoinClassResponse = { learnerId: learner.id, name: learner.name, created: true };
    return c.json(body, 201);
  });

  app.post('/:id/progress', async (c) => {
    const cls = await classOr404(c);
    const req = parseOr400(ProgressReportSchema, await jsonBody(c));
    if (!cls.exercises.includes(req.exercise)) {
      throw new ApiFailure(400, {
        code: 'invalid_request',
        message: `${req.exercise} is not an exercise of this class`,
      });
    }
    const learner = await store.learnerByToken(cls.id, sha256Hex(req.token));
    if (!learner) throw forbidden();
    if (!limiter.take(`${cls.id}/${learner.id}`)) {
      throw new ApiFailure(
        429,
        { code: 'rate_limited', message: 'too many progress reports; the next check will send' },
        2,
      );
    }
    const prev = await store.getCell(cls.id, learner.id, req.exercise);
    await store.putCell(cls.id, learner.id, mergeProgress(prev, req, now()));
    feeds.changed(cls.id);
    return c.body(null, 204);
  });

  app.get('/:id/dashboard', async (c) => {
    const cls = await instructorClass(c);
    const etag = `"${cls.id}-${cls.revision}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    const body = classDashboard(cls, await store.snapshot(cls.id), now());
    c.header('ETag', `"${cls.id}-${body.revision}"`);
    return c.json(body);
  });

  app.get('/:id/events', async (c) => {
    const cls = await instructorClass(c);
    return streamClassEvents(c, feeds, cls.id);
  });

  app.get('/:id/learners/:learner/cells/:exercise', async (c) => {
    const cls = await instructorClass(c);
    const learnerId = c.req.param('learner');
    const exercise = c.req.param('exercise');
    if (!LEARNER_ID_PATTERN.test(learnerId) || !cls.exercises.includes(exercise)) {
      throw new ApiFailure(404, { code: 'not_found', message: 'no such learner or exercise' });
    }
    const snap = await store.snapshot(cls.id);
    const learner = snap.learners.find((l) => l.id === learnerId);
    const cell = learner ? await store.getCell(cls.id, learnerId, exercise) : undefined;
    if (!learner || !cell) {
      throw new ApiFailure(404, { code: 'not_found', message: 'this learner has not checked it' });
    }
    return c.json(
      ClassCellDetailSchema.parse({
        ...publicCell(cell),
        learner: { id: learner.id, name: learner.name },
        ...(cell.code !== undefined ? { code: cell.code } : {}),
      }),
    );
  });

  app.get('/:id/export.csv', async (c) => {
    const cls = await instructorClass(c);
    const csv = classCsv(cls, await store.snapshot(cls.id));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="class-${cls.id}.csv"`,
    });
  });

  app.delete('/:id', async (c) => {
    const cls = await instructorClass(c);
    await store.deleteClass(cls.id);
    feeds.changed(cls.id);
    return c.body(null, 204);
  });

  app.all('*', () => {
    throw new ApiFailure(404, { code: 'not_found', message: 'no such class route' });
  });
  app.onError((e) => failureResponse(e));
  return app;
}
