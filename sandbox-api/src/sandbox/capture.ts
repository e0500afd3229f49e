import type { Readable } from 'node:stream';

/** Bytes read from a pipe up to a cap; `truncated` once more arrived. */
export interface Captured {
  text: string;
  truncated: boolean;
}

/**
 * Collects a stream up to `cap` bytes and calls `onOverflow` once when more arrives, so the
 * caller can kill a program that floods its output instead of buffering it.
 */
export function capture(stream: Readable, cap: number, onOverflow: () => void): () => Captured {
  const chunks: Buffer[] = [];
  let received = 0;
  stream.on('data', (chunk: Buffer) => {
    const room = cap - received;
    if (room > 0) chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
    const before = received;
    received += chunk.length;
    if (before <= cap && received > cap) onOverflow();
  });
  return () => ({
    // A cut may split a UTF-8 sequence; the decoder then ends with U+FFFD, which is fine here.
    text: Buffer.concat(chunks).toString('utf8'),
    truncated: received > cap,
  });
}
