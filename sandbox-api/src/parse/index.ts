/** Parsers for Go toolchain output: compiler decisions, the -json log, runtime traces, benchmarks. */
export { parseCompilerOutput } from './compiler-output.ts';
export type { ParsedCompilerOutput, ParseCompilerOptions } from './compiler-output.ts';
export { mergeJsonLog } from './json-log.ts';
export { parseRuntimeStderr } from './runtime-trace.ts';
export { parseGcLine, summarizeGc, pauseMs } from './gctrace.ts';
export { parsePacerLine, parseScavLine } from './runtime-lines.ts';
export type { PacerLine, ScavLine } from './runtime-lines.ts';
export { parseBenchOutput, parseBenchLine, parseTestJson } from './bench.ts';
export type { BenchResult, TestJsonResult } from './bench.ts';
export { classifyMessage } from './classify.ts';
export type { Classified } from './classify.ts';
export { parseBlockHeader, parseFlowLine } from './flow.ts';
export { indexGoSource } from './go-source-index.ts';
export type { GoSourceIndex, FuncSpan } from './go-source-index.ts';
export { parsePositionedLine, parsePosition, normalizeFile, comparePositions } from './position.ts';
