import { FileNameSchema, type SourceFile } from '../protocol.ts';
import { badRequest } from '../errors.ts';

/** Limits applied to a request's files. */
export interface FileLimits {
  maxFiles: number;
  maxSourceBytes: number;
}

/**
 * Checks names, count and size (the zod schema checks names of `files` already, but txtar
 * names arrive as free text). Throws a 400 ApiFailure; returns the files unchanged.
 */
export function validateFiles(files: readonly SourceFile[], limits: FileLimits): SourceFile[] {
  if (files.length === 0) throw badRequest('invalid_request', 'send at least one .go file');
  if (files.length > limits.maxFiles) {
    throw badRequest('too_many_files', `at most ${limits.maxFiles} files, got ${files.length}`);
  }
  const seen = new Set<string>();
  let bytes = 0;
  for (const f of files) {
    if (!FileNameSchema.safeParse(f.name).success) {
      throw badRequest(
        'bad_file_name',
        `bad file name ${JSON.stringify(f.name.slice(0, 80))}: use plain .go names such as main.go (no directories, no go.mod)`,
      );
    }
    if (seen.has(f.name)) throw badRequest('bad_file_name', `file ${f.name} appears twice`);
    if (f.content.includes('\u0000')) {
      throw badRequest(
        'invalid_request',
        `file ${f.name} contains a NUL byte, which Go source cannot`,
      );
    }
    seen.add(f.name);
    bytes += Buffer.byteLength(f.content, 'utf8');
  }
  if (bytes > limits.maxSourceBytes) {
    throw badRequest(
      'source_too_large',
      `source is ${bytes} bytes; the limit is ${limits.maxSourceBytes} bytes`,
    );
  }
  if (files.every((f) => f.name.endsWith('_test.go')) && files.length > 0) {
    throw badRequest('invalid_request', 'send at least one non-test .go file');
  }
  return [...files];
}
