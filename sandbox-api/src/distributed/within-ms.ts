/**
 * `p`'s value, or undefined when it takes longer than `ms`; a rejection before then rejects.
 * Used where a Redis command must not hold a request: ioredis queues commands while it
 * reconnects, so a dead Redis would otherwise make the request wait with them. `p` is left to
 * settle on its own (a late rejection is swallowed).
 */
export function withinMs<T>(ms: number, p: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
