/**
 * The wire contract of the sandbox API: every request, response and error shape.
 *
 * This module is imported by the service, the site, the scripts and the tests, so it must stay
 * free of Node imports. Both ends validate with these schemas: the server parses every request
 * body, the client parses every response before it trusts it.
 */
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

/* ------------------------------------------------------------------ limits */

/** Defaults for the service's limits; the service may be configured tighter or looser. */
export const DEFAULT_LIMITS = {
  /** Total bytes of source across all files. */
  maxSourceBytes: 64 * 1024,
  maxFiles: 8,
  maxFileNameLength: 64,
  /** Bytes of the HTTP body before it is rejected unread. */
  maxBodyBytes: 256 * 1024,
  /** A program's wall clock and memory in run mode; the site states them before Run. */
  runWallMs: 5_000,
  runMemoryBytes: 256 * 1024 * 1024,
} as const;

/* ----------------------------------------------------------------- request */

/**
 * A file name inside the job's package directory: a plain `.go` basename, no directories,
 * no leading dot. `go.mod` and friends are deliberately not accepted (a user go.mod can point
 * `replace` directives anywhere the compiler can see).
 */
export const FileNameSchema = z
  .string()
  .min(4)
  .max(DEFAULT_LIMITS.maxFileNameLength)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.go$/, 'file names must be plain .go names such as main.go');

export const SourceFileSchema = z.object({
  name: FileNameSchema,
  content: z.string(),
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

export const ModeSchema = z.enum(['build', 'run', 'bench']);
/** build: compile only; run: build and run with gctrace; bench: `go test -bench . -benchmem`. */
export type Mode = z.infer<typeof ModeSchema>;

/** GODEBUG settings a user may add; gctrace=1 is always on for run mode. */
export const GODEBUG_ALLOWED = {
  gcpacertrace: ['0', '1'],
  scavtrace: ['0', '1'],
  madvdontneed: ['0', '1'],
  gctrace: ['0', '1', '2'],
  gcstoptheworld: ['0', '1', '2'],
  inittrace: ['0', '1'],
  disablethp: ['0', '1'],
} as const satisfies Record<string, readonly string[]>;

const godebugPair = /^([a-z]+)=([0-9a-z]+)$/;

export const GodebugSchema = z
  .string()
  .max(200)
  .refine(
    (v) =>
      v === '' ||
      v.split(',').every((pair) => {
        const m = godebugPair.exec(pair.trim());
        if (!m) return false;
        const allowed = (GODEBUG_ALLOWED as Record<string, readonly string[]>)[m[1]!];
        return allowed !== undefined && allowed.includes(m[2]!);
      }),
    {
      message: `GODEBUG may only set ${Object.keys(GODEBUG_ALLOWED).join(', ')} (comma-separated key=value)`,
    },
  );

/** Go's size syntax for GOMEMLIMIT: a number with an optional B/KiB/MiB/GiB/TiB suffix, or off. */
export const GOMEMLIMIT_PATTERN = /^(off|[0-9]{1,15}(B|KiB|MiB|GiB|TiB)?)$/;

/**
 * Build-time experiments a user may select. Each gets its own standard library build (the
 * runtime itself changes), so the list is short and fixed. `nogreenteagc` builds with the
 * pre-1.26 object-by-object mark loop instead of Go 1.26's default Green Tea collector.
 */
export const GOEXPERIMENT_ALLOWED = ['nogreenteagc'] as const;
export const GoExperimentSchema = z.enum(GOEXPERIMENT_ALLOWED, {
  message: `GOEXPERIMENT may only be ${GOEXPERIMENT_ALLOWED.join(', ')}`,
});
export type GoExperiment = z.infer<typeof GoExperimentSchema>;

export const RunEnvSchema = z
  .object({
    GOGC: z
      .string()
      .regex(/^(off|[0-9]{1,5})$/, 'GOGC must be off or a number from 1 to 10000')
      .refine((v) => v === 'off' || (Number(v) >= 1 && Number(v) <= 10000), {
        message: 'GOGC must be off or a number from 1 to 10000',
      })
      .optional(),
    GOMEMLIMIT: z
      .string()
      .regex(GOMEMLIMIT_PATTERN, 'GOMEMLIMIT uses Go size syntax, e.g. 64MiB, or off')
      .optional(),
    /** 1..cores; the upper bound is checked by the server, which knows its cores. */
    GOMAXPROCS: z
      .string()
      .regex(/^[1-9][0-9]{0,2}$/, 'GOMAXPROCS must be a positive integer')
      .optional(),
    GODEBUG: GodebugSchema.optional(),
    /**
     * Not a run-time variable: the program is compiled and linked against a standard library
     * built with this experiment (see GOEXPERIMENT_ALLOWED).
     */
    GOEXPERIMENT: GoExperimentSchema.optional(),
  })
  .strict();
export type RunEnv = z.infer<typeof RunEnvSchema>;

export const AnalyzeRequestSchema = z
  .object({
    /** One Go package: one or a few files. Either `files` or `txtar`, not both. */
    files: z.array(SourceFileSchema).min(1).max(DEFAULT_LIMITS.maxFiles).optional(),
    /** Playground-style txtar text; a leading unnamed section is `main.go`. */
    txtar: z.string().optional(),
    mode: ModeSchema.default('build'),
    /** 1 = `-m`, 2 = `-m=2` (adds the flow explanations behind every heap decision). */
    escapeDetail: z.union([z.literal(1), z.literal(2)]).default(2),
    /** false adds `-l`: the compiler then analyses a program that is not the one you ship. */
    inline: z.boolean().default(true),
    /** A version from GET /toolchains, e.g. "go1.26.8"; omitted means the service default. */
    toolchain: z
      .string()
      .regex(/^go[0-9]+\.[0-9]+(\.[0-9]+)?$/, 'toolchain looks like go1.26.8')
      .optional(),
    env: RunEnvSchema.default({}),
    /**
     * A cached run or bench result will do. Runs and benchmarks are otherwise always run
     * afresh; the workshop checker sets this for an exercise's start version, which is the same
     * code in every learner's check, so the service runs it once (a clean run only).
     */
    reuse: z.boolean().optional(),
  })
  .strict()
  .refine((r) => (r.files === undefined) !== (r.txtar === undefined), {
    message: 'send either files or txtar',
    path: ['files'],
  });
export type AnalyzeRequest = z.input<typeof AnalyzeRequestSchema>;
export type NormalizedAnalyzeRequest = z.output<typeof AnalyzeRequestSchema>;

/* ---------------------------------------------------------------- decisions */

export const PositionSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** 1-based byte column; absent when the compiler omits it (columns >= 255 are not printed). */
  column: z.number().int().positive().optional(),
});
export type Position = z.infer<typeof PositionSchema>;

/** Every message kind the compiler prints for escape analysis, inlining and friends. */
export const DecisionKindSchema = z.enum([
  'moved-to-heap', // E1 "moved to heap: x" (a named variable)
  'escapes-to-heap', // E2/E3 "EXPR escapes to heap" (an allocation expression)
  'does-not-escape', // E4/E5 "EXPR does not escape" (allocation stays on the stack)
  'param-does-not-escape', // E9 "p does not escape" (a parameter)
  'leaking-param', // E6
  'leaking-param-content', // E7
  'leaking-param-to-result', // E8
  'can-inline', // I1/I2
  'cannot-inline', // I3/I4
  'inlining-call', // I5/I6
  'devirtualizing', // "devirtualizing x to T"
  'closure-capture', // E14 "capturing by value|ref"
  'loop-variable', // "loop variable i now per-iteration, ..."
  'zero-copy', // E12
  'bounds-check-elided',
  'other',
]);
export type DecisionKind = z.infer<typeof DecisionKindSchema>;

/** One reason line of a -m=2 flow step: `from WHERE (WHY) at POS`. */
export const FlowReasonSchema = z.object({
  where: z.string(),
  why: z.string(),
  at: PositionSchema.optional(),
});

/** One hop of a -m=2 explanation: `flow: DST ← OPS SRC`. */
export const FlowStepSchema = z.object({
  dst: z.string(),
  src: z.string(),
  /** "&" when the address is taken, "*"… for dereferences, "" otherwise. */
  ops: z.string(),
  reasons: z.array(FlowReasonSchema),
});
export type FlowStep = z.infer<typeof FlowStepSchema>;

export const ExplanationSchema = z.object({
  /** "escapes" for `X escapes to heap in F:`, "leaks" for `parameter p leaks to S for F ...`. */
  header: z.enum(['escapes', 'leaks']),
  sink: z.string().optional(),
  derefs: z.number().int().optional(),
  steps: z.array(FlowStepSchema),
  /** The compiler cut the explanation short (assignment cycle, golang.org/issue/35518). */
  truncated: z.boolean(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const DecisionSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().positive().optional(),
  kind: DecisionKindSchema,
  /** The variable, parameter, expression or function the message is about. */
  subject: z.string(),
  /** Enclosing function, when known (from the -m=2 header or the source). */
  function: z.string().optional(),
  /** The compiler's text after `file:line:col: `, unchanged. */
  message: z.string(),
  /** Kind-specific details: inline cost and reason, leak sink and level, capture mode… */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** -m=2 explanation chain, for heap decisions and leaks. */
  explanation: ExplanationSchema.optional(),
  /** From -json: where inlined code came from, outermost first after the reported position. */
  inlinedFrom: z.array(PositionSchema).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const CompileErrorSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().positive().optional(),
  message: z.string(),
});
export type CompileError = z.infer<typeof CompileErrorSchema>;

/* --------------------------------------------------------------- run and GC */

export const CappedTextSchema = z.object({
  text: z.string(),
  truncated: z.boolean(),
});

/**
 * Why the sandbox stopped a step, machine-readable (additive beside the English `killedReason`), so
 * a client words it from its own catalogue: which limit, which step, and the limit's value in the
 * code's unit (bytes for memory/stdout, milliseconds for time, a count for pids).
 */
export const KilledSchema = z.object({
  code: z.enum(['memory', 'time', 'stdout', 'stderr', 'pids']),
  step: z.enum(['program', 'compiler', 'linker', 'benchmark']),
  limit: z.number().optional(),
});
export type Killed = z.infer<typeof KilledSchema>;

export const RunResultSchema = z.object({
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: CappedTextSchema,
  /** The program's stderr with gctrace/pacer/scav lines removed (they are parsed into `gc`). */
  stderr: CappedTextSchema,
  wallMs: z.number(),
  cpuMs: z.number(),
  timedOut: z.boolean(),
  outOfMemory: z.boolean(),
  /** Plain-language reason when the program was stopped by a limit. */
  killedReason: z.string().optional(),
  /** The same, as a stable code for clients that render it in another language. */
  killed: KilledSchema.optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const GcCycleSchema = z.object({
  n: z.number().int(),
  atSeconds: z.number(),
  /** Cumulative share of CPU spent in GC since program start, in percent. */
  cpuPercent: z.number(),
  /** Wall clock: STW sweep termination, concurrent mark, STW mark termination (ms). */
  clockMs: z.object({
    sweepTermination: z.number(),
    mark: z.number(),
    markTermination: z.number(),
  }),
  /** CPU time: STW sweep termination, mark assist, background, idle, STW mark termination (ms). */
  cpuMs: z.object({
    sweepTermination: z.number(),
    assist: z.number(),
    background: z.number(),
    idle: z.number(),
    markTermination: z.number(),
  }),
  /** Heap at GC start, at GC end, and live (marked) heap, in MiB (truncated by the runtime). */
  heapMB: z.object({ start: z.number(), end: z.number(), live: z.number() }),
  goalMB: z.number(),
  stacksMB: z.number(),
  globalsMB: z.number(),
  procs: z.number().int(),
  /** runtime.GC() or debug.FreeOSMemory(). */
  forced: z.boolean(),
  /** `(checking for goroutine leaks)` cycle. */
  leakCheck: z.boolean(),
  raw: z.string(),
});
export type GcCycle = z.infer<typeof GcCycleSchema>;

export const GcSummarySchema = z.object({
  cycles: z.number().int(),
  forcedCycles: z.number().int(),
  /** Sum of both STW phases' wall clock over all cycles. */
  totalPauseMs: z.number(),
  maxPauseMs: z.number(),
  peakHeapMB: z.number(),
  /** The last cycle's cumulative GC CPU share, in percent (0 when there was no cycle). */
  gcCpuPercent: z.number(),
});

export const GcResultSchema = z.object({
  cycles: z.array(GcCycleSchema),
  summary: GcSummarySchema,
  /** gcpacertrace lines, verbatim. */
  pacer: z.array(z.string()),
  /** scavtrace lines, verbatim. */
  scavenger: z.array(z.string()),
  /**
   * A gctrace line the program's exit cut short (the collector's worker writes it while
   * `runtime.GC()` may already have returned), verbatim; it is not counted in `cycles`.
   */
  cutShort: z.string().optional(),
});
export type GcResult = z.infer<typeof GcResultSchema>;

export const BenchLineSchema = z.object({
  name: z.string(),
  /** The -N suffix (GOMAXPROCS) when present. */
  procs: z.number().int().optional(),
  iterations: z.number().int(),
  nsPerOp: z.number(),
  bytesPerOp: z.number().optional(),
  allocsPerOp: z.number().optional(),
  /** Any further `value unit` pairs (custom metrics, MB/s). */
  extra: z.record(z.string(), z.number()).default({}),
  raw: z.string(),
});
export type BenchLine = z.infer<typeof BenchLineSchema>;

export const BenchResultSchema = z.object({
  /** Result lines test2json attributed to the benchmark that was running (one each, normally). */
  results: z.array(BenchLineSchema),
  /** The package passed: exit status 0, test2json's package `pass`, no benchmark failed. */
  passed: z.boolean(),
  /** Benchmarks that failed (b.Fatal, panic), by name; absent in results from before -json. */
  failed: z.array(z.string()).optional(),
});

/* ----------------------------------------------------------------- response */

export const ToolchainInfoSchema = z.object({
  /** Exact version, e.g. "go1.26.8". */
  version: z.string(),
  goos: z.string(),
  goarch: z.string(),
  /** The standard library's build cache is warm: a first request will not take seconds. */
  ready: z.boolean(),
});
export type ToolchainInfo = z.infer<typeof ToolchainInfoSchema>;

export const TimingSchema = z.object({
  queueMs: z.number(),
  compileMs: z.number(),
  linkMs: z.number(),
  runMs: z.number(),
  /** Turning the toolchain's text into records (absent on cache hits and from older services). */
  parseMs: z.number().optional(),
  totalMs: z.number(),
});

export const AnalyzeResponseSchema = z.object({
  /** false when the code did not compile (a user error, still HTTP 200). */
  ok: z.boolean(),
  toolchain: ToolchainInfoSchema,
  /** The request as the service understood it (defaults filled in): enough to reproduce it. */
  request: z.object({
    mode: ModeSchema,
    escapeDetail: z.union([z.literal(1), z.literal(2)]),
    inline: z.boolean(),
    toolchain: z.string(),
    env: RunEnvSchema,
    files: z.array(SourceFileSchema),
  }),
  /** The compiler flags used, as a person would type them: `-gcflags='-m=2'`. */
  gcflags: z.string(),
  decisions: z.array(DecisionSchema),
  compileErrors: z.array(CompileErrorSchema),
  /** Compiler text with temp paths removed, for the raw view. */
  compilerOutput: CappedTextSchema,
  run: RunResultSchema.optional(),
  gc: GcResultSchema.optional(),
  bench: BenchResultSchema.optional(),
  cached: z.boolean(),
  timing: TimingSchema,
  /**
   * The service's HMAC-SHA256 (hex) over this response without the field itself, in canonical
   * JSON (`canonicalJson`). The share store keeps a result only when it carries a valid one, so
   * a link never shows compiler decisions the compiler did not make.
   */
  signature: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type AnalyzeResponse = z.infer<typeof AnalyzeResponseSchema>;

// stale (issue 14): Format — gofmt of one file, run by the service in the sandbox.
export const FormatRequestSchema = z
  .object({
    /** One Go file's text, as large as a whole analyze request's sources may be. */
    source: z.string().max(DEFAULT_LIMITS.maxSourceBytes),
  })
  .strict();
export type FormatRequest = z.infer<typeof FormatRequestSchema>;
/** Formatted text, or gofmt's syntax errors at their lines (file `main.go`); both are 200s. */
export const FormatResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), source: z.string() }),
  z.object({ ok: z.literal(false), errors: z.array(CompileErrorSchema).min(1) }),
]);
export type FormatResponse = z.infer<typeof FormatResponseSchema>;

/* ------------------------------------------------------------------ errors */

export const ErrorCodeSchema = z.enum([
  'invalid_json',
  'invalid_request',
  'body_too_large',
  'source_too_large',
  'bad_file_name',
  'too_many_files',
  'unknown_toolchain',
  'import_not_allowed',
  'not_found',
  'queue_full',
  'unavailable',
  'internal',
  // sec-service: per-client fairness, share store cap, signed results, cancelled requests.
  /** This client already has its share of the service in flight (429 + Retry-After). */
  'client_busy',
  /** The share store reached its size cap (507). */
  'store_full',
  /** A shared result this service did not produce, or one altered since (400). */
  'unverified_result',
  /** The client went away before its answer was ready (499, never seen by that client). */
  'cancelled',
  // classes (issue 15)
  'forbidden',
  'class_full',
  'rate_limited',
  // stale (issue 14): gofmt stopped at its time, memory or output limit (422).
  'format_limit',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems for invalid_request. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/* ------------------------------------------------------------ health, list */

export const ToolchainsResponseSchema = z.object({
  default: z.string(),
  toolchains: z.array(ToolchainInfoSchema),
});
export type ToolchainsResponse = z.infer<typeof ToolchainsResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  toolchains: z.array(ToolchainInfoSchema),
  queue: z.object({
    running: z.number().int(),
    waiting: z.number().int(),
    workers: z.number().int(),
    maxWaiting: z.number().int(),
    /** Present in distributed mode (`GML_REDIS_URL`): jobs go to worker hosts through Redis. */
    backend: z.literal('redis').optional(),
  }),
  /** Distributed mode: the live worker hosts (`jobs` = jobs run since the worker started). */
  workers: z
    .array(
      z.object({
        id: z.string(),
        host: z.string(),
        toolchains: z.array(z.string()),
        busy: z.number().int(),
        jobs: z.number().int(),
      }),
    )
    .optional(),
  sandbox: z.object({
    /** "bubblewrap" when jobs are isolated, "none" when running unsandboxed on loopback. */
    mode: z.enum(['bubblewrap', 'none']),
    cgroups: z.boolean(),
    /** Which cgroup hierarchy limits the jobs, when `cgroups` is true. */
    cgroupVersion: z.enum(['v1', 'v2']).optional(),
    uid: z.number().int().optional(),
    /** Why the sandbox is off or degraded, in plain words. */
    note: z.string().optional(),
  }),
  cache: z.object({ entries: z.number().int(), hits: z.number().int(), misses: z.number().int() }),
  uptimeSeconds: z.number(),
  problems: z.array(z.string()),
  /**
   * Per-client fairness (HTTP layer): each client's limit and the busiest clients' requests in
   * flight, as salted hashes, never addresses.
   */
  clients: z
    .object({
      maxInFlight: z.number().int(),
      active: z.number().int(),
      busiest: z.array(z.object({ client: z.string(), inFlight: z.number().int() })),
    })
    .optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/* ------------------------------------------------------------------- share */

/** Everything a link pins: code, toolchain, flags and knobs (and an optional second variant). */
export const VariantSchema = z.object({
  files: z.array(SourceFileSchema).min(1).max(DEFAULT_LIMITS.maxFiles),
  mode: ModeSchema,
  escapeDetail: z.union([z.literal(1), z.literal(2)]),
  inline: z.boolean(),
  toolchain: z.string().optional(),
  env: RunEnvSchema,
});
export type Variant = z.infer<typeof VariantSchema>;

export const PlaygroundStateSchema = z.object({
  v: z.literal(1),
  a: VariantSchema,
  /** Present in compare mode. */
  b: VariantSchema.optional(),
});
export type PlaygroundState = z.infer<typeof PlaygroundStateSchema>;

function canonicalVariant(v: Variant): Variant {
  const env: Variant['env'] = {};
  // Sorted insertion order gives sorted JSON keys.
  if (v.env.GODEBUG !== undefined) env.GODEBUG = v.env.GODEBUG;
  if (v.env.GOEXPERIMENT !== undefined) env.GOEXPERIMENT = v.env.GOEXPERIMENT;
  for (const key of ['GOGC', 'GOMAXPROCS', 'GOMEMLIMIT'] as const) {
    const value = v.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    env,
    escapeDetail: v.escapeDetail,
    files: v.files.map((f) => ({ content: f.content, name: f.name })),
    inline: v.inline,
    mode: v.mode,
    ...(v.toolchain ? { toolchain: v.toolchain } : {}),
  };
}

/**
 * The one spelling of a playground state (keys sorted, unset knobs absent). Share ids are a
 * hash of this JSON, so the site (URL hash) and the service (short links) must agree on it:
 * it lives in the contract rather than in two copies.
 */
export function canonicalPlaygroundState(state: PlaygroundState): PlaygroundState {
  const parsed = PlaygroundStateSchema.parse(state);
  return {
    a: canonicalVariant(parsed.a),
    ...(parsed.b ? { b: canonicalVariant(parsed.b) } : {}),
    v: 1,
  };
}

export const ShareRequestSchema = z
  .object({
    state: PlaygroundStateSchema,
    /** The result the author saw, shown to whoever opens the link before they run it. */
    result: AnalyzeResponseSchema.optional(),
    /** Compare mode: the result the author saw for variant B. */
    resultB: AnalyzeResponseSchema.optional(),
  })
  .strict();
export const ShareResponseSchema = z.object({ id: z.string(), path: z.string() });
export const SharedStateResponseSchema = z.object({
  id: z.string(),
  state: PlaygroundStateSchema,
  result: AnalyzeResponseSchema.optional(),
  resultB: AnalyzeResponseSchema.optional(),
  createdAt: z.string(),
});
export type SharedStateResponse = z.infer<typeof SharedStateResponseSchema>;

/* ----------------------------------------------------------------- classes */

/** Limits of a class (issue 15); the service may be configured tighter. */
export const CLASS_LIMITS = {
  /** Characters (code points, any script) of a class or learner name. */
  maxNameChars: 60,
  maxLearners: 300,
  maxExercises: 30,
  /** Goals per exercise a progress report may carry. */
  maxGoals: 20,
  /** Characters of the failing goal's reason. */
  maxReasonChars: 500,
} as const;

export const CLASS_ID_PATTERN = /^[0-9A-Za-z]{12}$/;
export const LEARNER_ID_PATTERN = /^[0-9A-Za-z]{10}$/;
/** A learner token is made by the browser (≥ 128 random bits, base64url) and kept there. */
export const LEARNER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const EXERCISE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A display name: trimmed, 1–60 code points in any script, no control characters (they would
 * let a name reorder or hide its neighbours on the dashboard). HTML is not rejected but escaped
 * wherever a name is shown.
 */
export const DisplayNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .refine((s) => s.length > 0, 'a name is required')
  .refine(
    (s) => [...s].length <= CLASS_LIMITS.maxNameChars,
    `a name is at most ${CLASS_LIMITS.maxNameChars} characters`,
  )
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), {
    message: 'a name may not contain control characters',
  });

const ExerciseSlugSchema = z.string().max(64).regex(EXERCISE_SLUG_PATTERN);

export const CreateClassRequestSchema = z
  .object({
    name: DisplayNameSchema,
    exercises: z
      .array(ExerciseSlugSchema)
      .min(1)
      .max(CLASS_LIMITS.maxExercises)
      .refine((a) => new Set(a).size === a.length, 'an exercise is listed twice'),
    /** The planned length of the session, shown on the dashboard. */
    minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional(),
  })
  .strict();
export type CreateClassRequest = z.input<typeof CreateClassRequestSchema>;

/** Site-relative links: the site may be served from another origin than the API. */
export const CreateClassResponseSchema = z.object({
  id: z.string().regex(CLASS_ID_PATTERN),
  joinUrl: z.string(),
  /** Carries the instructor's key (`&key=…`): whoever has it sees the room and can end it. */
  dashboardUrl: z.string(),
});
export type CreateClassResponse = z.infer<typeof CreateClassResponseSchema>;

/** What anyone with the join link may know about a class. */
export const ClassInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  exercises: z.array(z.string()),
  minutes: z.number().int().optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type ClassInfo = z.infer<typeof ClassInfoSchema>;

export const JoinClassRequestSchema = z
  .object({
    name: DisplayNameSchema,
    token: z.string().regex(LEARNER_TOKEN_PATTERN),
  })
  .strict();
export type JoinClassRequest = z.input<typeof JoinClassRequestSchema>;

export const JoinClassResponseSchema = z.object({
  learnerId: z.string().regex(LEARNER_ID_PATTERN),
  name: z.string(),
  /** False when this token had already joined (a reload): the same learner, not a new one. */
  created: z.boolean(),
});
export type JoinClassResponse = z.infer<typeof JoinClassResponseSchema>;

/** One check of one exercise, as the learner's browser reports it. */
export const ProgressReportSchema = z
  .object({
    token: z.string().regex(LEARNER_TOKEN_PATTERN),
    exercise: ExerciseSlugSchema,
    /** Each goal of the exercise, in its order: met on this check or not. */
    goals: z.array(z.boolean()).min(1).max(CLASS_LIMITS.maxGoals),
    /** Index of the first unmet goal and the toolchain's reason, when one is unmet. */
    failing: z
      .object({
        goal: z.number().int().min(0).max(CLASS_LIMITS.maxGoals),
        reason: z.string().max(CLASS_LIMITS.maxReasonChars),
      })
      .strict()
      .optional(),
    /** Seconds since the learner opened this exercise in the class. */
    seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600),
    /** Present only when the learner ticked "share my code with the instructor". */
    code: z.string().max(DEFAULT_LIMITS.maxSourceBytes).optional(),
  })
  .strict();
export type ProgressReport = z.input<typeof ProgressReportSchema>;

/** One learner × exercise on the dashboard (code is fetched separately, per cell). */
export const ClassCellSchema = z.object({
  exercise: z.string(),
  attempts: z.number().int(),
  /** Goals met on the latest check. */
  goals: z.array(z.boolean()),
  failing: z.object({ goal: z.number().int(), reason: z.string() }).optional(),
  /** Time on the exercise when it was first solved; absent while unsolved. */
  solvedSeconds: z.number().int().optional(),
  solvedAt: z.string().optional(),
  seconds: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  hasCode: z.boolean(),
});
export type ClassCell = z.infer<typeof ClassCellSchema>;

export const ClassLearnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  joinedAt: z.string(),
  cells: z.array(ClassCellSchema),
});
export type ClassLearner = z.infer<typeof ClassLearnerSchema>;

export const ClassDashboardSchema = z.object({
  class: ClassInfoSchema,
  learners: z.array(ClassLearnerSchema),
  /** Server time of the snapshot, so "stuck for" does not depend on the projector's clock. */
  now: z.string(),
  /** Changes whenever anything in the class changes (also sent as the ETag). */
  revision: z.number().int(),
});
export type ClassDashboard = z.infer<typeof ClassDashboardSchema>;

// class live updates (issue 15): `GET /classes/:id/events` is a Server-Sent Events stream.
/**
 * Event `delta` of the class stream: the learners whose row changed since the previous event
 * (whole rows, so a client replaces them), ids of rows gone, and the server's clock. With no
 * learners and nothing removed it is a heartbeat: "still live at `now`".
 */
export const ClassDeltaSchema = z.object({
  revision: z.number().int(),
  now: z.string(),
  learners: z.array(ClassLearnerSchema),
  removed: z.array(z.string()),
});
export type ClassDelta = z.infer<typeof ClassDeltaSchema>;
/** The stream's event names: `snapshot` carries a ClassDashboard, `delta` a ClassDelta. */
export const CLASS_EVENTS = { snapshot: 'snapshot', delta: 'delta', end: 'end' } as const;

export const ClassCellDetailSchema = ClassCellSchema.extend({
  learner: z.object({ id: z.string(), name: z.string() }),
  code: z.string().optional(),
});
export type ClassCellDetail = z.infer<typeof ClassCellDetailSchema>;
