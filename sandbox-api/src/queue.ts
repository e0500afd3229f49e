import { ApiFailure } from './errors.ts';
import { SingleFlight } from './single-flight.ts';

/** Sizes of the pool and its waiting line. */
export interface QueueOptions {
  workers: number;
  maxWaiting: number;
}

/**
 * A bounded worker pool with a bounded FIFO and single-flight: identical keys in flight share
 * one job. Beyond `maxWaiting` it refuses with 429 and a Retry-After estimate.
 */
export class JobQueue<T> {
  private readonly opts: QueueOptions;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly flights = new SingleFlight<T>();
  /** Moving average of job seconds, for Retry-After. */
  private avgJobSeconds = 0.5;

  constructor(opts: QueueOptions) {
    this.opts = opts;
  }

  stats(): { running: number; waiting: number; workers: number; maxWaiting: number } {
    return {
      running: this.running,
      waiting: this.waiting.length,
      workers: this.opts.workers,
      maxWaiting: this.opts.maxWaiting,
    };
  }

  /** Runs `task` for `key`, or joins the identical job already in flight. */
  run(key: string, task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.flights.run(
      key,
      (jobSignal) => {
        if (this.running >= this.opts.workers && this.waiting.length >= this.opts.maxWaiting) {
          const retryAfter = Math.max(
            1,
            Math.ceil(((this.waiting.length + 1) / this.opts.workers) * this.avgJobSeconds),
          );
          throw new ApiFailure(
            429,
            {
              code: 'queue_full',
              message: `the service is busy (${this.waiting.length} requests waiting); retry in ${retryAfter} s`,
            },
            retryAfter,
          );
        }
        return this.schedule(() => task(jobSignal));
      },
      signal,
    );
  }

  private async schedule(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.opts.workers) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.avgJobSeconds = 0.8 * this.avgJobSeconds + 0.2 * ((performance.now() - started) / 1000);
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays counted.
      if (next) next();
      else this.running--;
    }
  }
}
