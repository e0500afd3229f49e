/** Reads Server-Sent Events from a response body, one `{event, data}` at a time. */
export interface SseEvent {
  event: string;
  data: string;
}

export function sseReader(body: ReadableStream<Uint8Array>): {
  /** The next event, or undefined when the stream ended; rejects after `ms`. */
  next(ms?: number): Promise<SseEvent | undefined>;
  cancel(): Promise<void>;
} {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const parse = (block: string): SseEvent => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    return { event, data: data.join('\n') };
  };
  const next = async (): Promise<SseEvent | undefined> => {
    for (;;) {
      const end = buf.indexOf('\n\n');
      if (end >= 0) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 2);
        if (block.split('\n').every((l) => l.startsWith(':'))) continue;
        return parse(block);
      }
      const { done, value } = await reader.read();
      if (done) return undefined;
      buf += decoder.decode(value, { stream: true });
    }
  };
  return {
    next: (ms = 10_000) =>
      Promise.race([
        next(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms).unref(),
        ),
      ]),
    cancel: () => reader.cancel(),
  };
}
