interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still interested; the job is cancelled when the last one leaves. */
  interested: number;
}

/**
 * Identical keys in flight share one job, and the job's signal aborts when the last caller
 * interested in it has gone. Both job backends use it: the embedded pool (`queue.ts`) and the
 * Redis backend (`distributed/redis-backend.ts`), where it counts this node's own waiters.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  /**
   * Joins the job in flight for `key`, or starts one with `start`. `start` may throw to refuse
   * (429, 503): the caller gets that error and nothing is in flight. `signal` is the caller's:
   * when it aborts, the caller stops counting.
   */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = {
        controller,
        interested: 0,
        promise: start(controller.signal).finally(() => this.flights.delete(key)),
      };
      this.flights.set(key, created);
      flight = created;
    }
    const f = flight;
    f.interested++;
    if (signal) {
      const leave = (): void => {
        if (--f.interested === 0) f.controller.abort();
      };
      if (signal.aborted) leave();
      else signal.addEventListener('abort', leave, { once: true });
      void f.promise
        .finally(() => signal.removeEventListener('abort', leave))
        .catch(() => undefined);
    }
    return f.promise;
  }
}
