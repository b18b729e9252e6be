import type { Queue, Worker } from 'bullmq';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Stage } from './payloads';

/** The fleet's Prometheus metrics: one registry per process, scraped from the health server. */
export class FleetMetrics {
  readonly registry = new Registry();
  readonly #jobs: Counter<'queue' | 'state'>;
  readonly #duration: Histogram<'queue'>;
  readonly #fetchStatus: Counter<'status'>;

  constructor(queues: ReadonlyMap<Stage, Queue> = new Map()) {
    this.#jobs = new Counter({
      name: 'parallax_jobs_total',
      help: 'Jobs this process finished, by queue and outcome (completed, failed, stalled).',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
    });
    this.#duration = new Histogram({
      name: 'parallax_job_duration_seconds',
      help: 'Processing time of the jobs this process completed, by queue.',
      labelNames: ['queue'],
      buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.#fetchStatus = new Counter({
      name: 'parallax_fetch_status_total',
      help: 'HTTP status codes of the fetches this process made (0: no response).',
      labelNames: ['status'],
      registers: [this.registry],
    });
    // Read from Redis at scrape time, so every worker reports the same, fleet-wide queue depths.
    const depth = new Gauge({
      name: 'parallax_queue_jobs',
      help: 'Jobs in each queue by state, fleet-wide, read from Redis when scraped.',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of queues.values()) {
          const counts = await queue.getJobCounts(
            'waiting',
            'active',
            'delayed',
            'failed',
            'completed',
            'waiting-children',
            'prioritized',
          );
          for (const [state, n] of Object.entries(counts)) depth.set({ queue: queue.name, state }, n);
        }
      },
    });
  }

  /** Counts every job the worker finishes, and its processing time. */
  observe(worker: Worker): void {
    const queue = worker.name;
    worker.on('completed', (job) => {
      this.#jobs.inc({ queue, state: 'completed' });
      if (job.processedOn && job.finishedOn) {
        this.#duration.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
      }
    });
    worker.on('failed', () => this.#jobs.inc({ queue, state: 'failed' }));
    worker.on('stalled', () => this.#jobs.inc({ queue, state: 'stalled' }));
  }

  fetchStatus(status: number): void {
    this.#fetchStatus.inc({ status: String(status) });
  }
}
