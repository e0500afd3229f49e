/**
 * A small least-recently-used map: a hit moves the entry to the back, overflow drops the front.
 * Bounded by entry count and, when given a size function, by total bytes: results range from a
 * few KiB to over a MiB (a noisy -m=2 build), so a count alone does not bound memory.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  readonly capacity: number;
  private readonly maxBytes: number;
  private readonly sizeOf: (value: V) => number;

  constructor(capacity: number, opts: { maxBytes?: number; sizeOf?: (value: V) => number } = {}) {
    this.capacity = capacity;
    this.maxBytes = opts.maxBytes ?? Infinity;
    this.sizeOf = opts.sizeOf ?? (() => 0);
  }

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return; // would evict everything and still not fit
    this.delete(key);
    this.map.set(key, { value, bytes });
    this.totalBytes += bytes;
    while (this.map.size > this.capacity || this.totalBytes > this.maxBytes) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  private delete(key: string): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    this.totalBytes -= entry.bytes;
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }
}
