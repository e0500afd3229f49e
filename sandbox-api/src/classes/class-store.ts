/**
 * Where classes live: a small interface so the SQLite store (the default, in the share
 * database) and a Postgres one (when `GML_DATABASE_URL` is set) are interchangeable behind the
 * routes. Every method is synchronous-looking in effect but may return a promise.
 */

export interface StoredClass {
  id: string;
  name: string;
  exercises: string[];
  minutes?: number;
  /** sha256 (hex) of the instructor's key; the key itself is never stored. */
  keyHash: string;
  createdAt: string;
  expiresAt: string;
  /** Bumped on every change to the class, its learners or their progress. */
  revision: number;
}

export interface StoredLearner {
  id: string;
  /** sha256 (hex) of the browser's learner token. */
  tokenHash: string;
  name: string;
  joinedAt: string;
}

/** One learner's state on one exercise; what the dashboard cell shows, plus shared code. */
export interface StoredCell {
  exercise: string;
  attempts: number;
  goals: boolean[];
  failing?: { goal: number; reason: string };
  solvedSeconds?: number;
  solvedAt?: string;
  seconds: number;
  firstAt: string;
  lastAt: string;
  code?: string;
}

export interface ClassSnapshot {
  /**
   * The class's revision read together with the rows (one transaction), so a reader can tell
   * exactly which writes the rows include; 0 when the class does not exist.
   */
  revision: number;
  learners: StoredLearner[];
  /** Cells keyed by learner id. */
  cells: Map<string, StoredCell[]>;
}

type MaybePromise<T> = T | Promise<T>;

export interface ClassStore {
  createClass(c: StoredClass): MaybePromise<void>;
  /** The class, or undefined when unknown or expired at `now`. */
  getClass(id: string, now: Date): MaybePromise<StoredClass | undefined>;
  /** Deletes the class with every learner and their progress; true when it existed. */
  deleteClass(id: string): MaybePromise<boolean>;
  learnerByToken(classId: string, tokenHash: string): MaybePromise<StoredLearner | undefined>;
  /** Adds a learner unless the class already has `maxLearners` (then 'full'). */
  addLearner(
    classId: string,
    learner: StoredLearner,
    maxLearners: number,
  ): MaybePromise<'added' | 'full'>;
  renameLearner(classId: string, learnerId: string, name: string): MaybePromise<void>;
  getCell(
    classId: string,
    learnerId: string,
    exercise: string,
  ): MaybePromise<StoredCell | undefined>;
  putCell(classId: string, learnerId: string, cell: StoredCell): MaybePromise<void>;
  snapshot(classId: string): MaybePromise<ClassSnapshot>;
  /** Deletes every class expired at `now` with its learners' data; returns how many. */
  sweepExpired(now: Date): MaybePromise<number>;
  close(): MaybePromise<void>;
}
