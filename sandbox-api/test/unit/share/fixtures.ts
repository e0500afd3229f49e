import type { AnalyzeResponse, PlaygroundState } from '../../../src/protocol.ts';

export const state: PlaygroundState = {
  v: 1,
  a: {
    files: [{ name: 'main.go', content: 'package main\n\nfunc main() {}\n' }],
    mode: 'run',
    escapeDetail: 2,
    inline: false,
    toolchain: 'go1.26.8',
    env: { GOGC: '50', GOMEMLIMIT: '64MiB' },
  },
};

/** A small but schema-valid recorded result (the shape the service answers). */
export const result: AnalyzeResponse = {
  ok: true,
  toolchain: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64', ready: true },
  request: {
    mode: 'run',
    escapeDetail: 2,
    inline: false,
    toolchain: 'go1.26.8',
    env: { GOGC: '50', GOMEMLIMIT: '64MiB' },
    files: state.a.files,
  },
  gcflags: "-gcflags='-m=2 -l'",
  decisions: [
    {
      file: 'main.go',
      line: 3,
      column: 6,
      kind: 'can-inline',
      subject: 'main',
      message: 'can inline main with cost 0 as: func() {  }',
      details: {},
    },
  ],
  compileErrors: [],
  compilerOutput: { text: './main.go:3:6: can inline main\n', truncated: false },
  cached: false,
  timing: { queueMs: 0, compileMs: 120, linkMs: 80, runMs: 5, totalMs: 210 },
};
