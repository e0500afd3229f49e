import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HealthResponse } from '../protocol.ts';
import type { ServiceObserver } from './observer.ts';

/** The `/metrics` registry and the observer the service reports into. */
export interface ServiceMetrics {
  readonly observer: ServiceObserver;
  /** Wires the gauges read at scrape time (queue depth, workers) to the service's health. */
  watch(health: () => HealthResponse): void;
  render(): Promise<{ contentType: string; text: string }>;
}

/**
 * What an autoscaler needs (docs/DEPLOY.md): queue depth, jobs by outcome, job durations,
 * cache hits by level, live workers. A private registry, so two services in one process
 * (tests, bench) never share counters.
 */
export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  let health: (() => HealthResponse) | undefined;
  const jobs = new Counter({
    name: 'gml_jobs_total',
    help: 'Jobs run on this process, by outcome (ok, user_error, limit, error, lost).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'gml_job_duration_seconds',
    help: 'Wall time of jobs run on this process.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const cache = new Counter({
    name: 'gml_cache_requests_total',
    help: 'Analyze requests by where the result came from (memory, shared, miss).',
    labelNames: ['level'],
    registers: [registry],
  });
  new Gauge({
    name: 'gml_queue_waiting',
    help: 'Jobs waiting for a worker (the shared queue in distributed mode).',
    registers: [registry],
    collect() {
      if (health) this.set(health().queue.waiting);
    },
  });
  new Gauge({
    name: 'gml_queue_running',
    help: 'Jobs running now.',
    registers: [registry],
    collect() {
      if (health) this.set(health().queue.running);
    },
  });
  new Gauge({
    name: 'gml_workers',
    help: 'Live worker hosts (distributed mode) or job slots of this process (embedded).',
    registers: [registry],
    collect() {
      if (!health) return;
      const h = health();
      this.set(h.workers?.length ?? h.queue.workers);
    },
  });
  return {
    observer: {
      job(outcome, seconds) {
        jobs.inc({ outcome });
        if (outcome !== 'lost') durations.observe(seconds);
      },
      cache(level) {
        cache.inc({ level });
      },
    },
    watch(h) {
      health = h;
    },
    async render() {
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}
