import { startHealthServer } from '@parallax/runtime';
import { Queue } from 'bullmq';
import { redisConnection } from './connection';
import { FleetMetrics } from './metrics';
import { QUEUES, STAGES, type Stage } from './payloads';
import { type StageWorkers, type StageWorkersOptions, startStageWorkers } from './workers';

/** The slice of a logger the service writes to (pino's signature), so the app chooses the logger. */
export interface FleetLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface FleetServiceOptions extends Omit<StageWorkersOptions, 'onFetchStatus'> {
  /** Port of the health and metrics server on `healthHost` (0: any free port; undefined: none). */
  healthPort?: number;
  healthHost?: string;
  logger?: FleetLogger;
}

export interface FleetService {
  readonly workers: StageWorkers;
  readonly metrics: FleetMetrics;
  /** http://HOST:PORT of the health server, when it runs. */
  readonly healthUrl: string | undefined;
  close(): Promise<void>;
}

function runIdOf(data: unknown): string | undefined {
  const runId = (data as { runId?: unknown } | null)?.runId;
  return typeof runId === 'string' ? runId : undefined;
}

/**
 * A worker process: stage workers, Prometheus metrics, and an HTTP server answering GET /health
 * (200 while every worker runs, 503 otherwise) and GET /metrics. Job events go to the logger with the
 * run and job ids.
 */
export async function startFleetService(options: FleetServiceOptions): Promise<FleetService> {
  const stages: readonly Stage[] = options.stages ?? STAGES;
  const queueConnection = redisConnection(options.redisUrl);
  queueConnection.on('error', () => {});
  const queues = new Map(
    STAGES.map((stage) => {
      const queue = new Queue(QUEUES[stage], { connection: queueConnection });
      queue.on('error', () => {});
      return [stage, queue] as const;
    }),
  );
  const metrics = new FleetMetrics(queues);
  const workers = await startStageWorkers({ ...options, onFetchStatus: (s) => metrics.fetchStatus(s) });
  const log = options.logger;
  for (const worker of workers.workers.values()) {
    metrics.observe(worker);
    if (log) {
      const queue = worker.name;
      worker.on('completed', (job) =>
        log.info(
          {
            queue,
            jobId: job.id,
            runId: runIdOf(job.data),
            ms: (job.finishedOn ?? 0) - (job.processedOn ?? 0),
          },
          'job completed',
        ),
      );
      worker.on('failed', (job, error) =>
        log.warn(
          {
            queue,
            jobId: job?.id,
            runId: runIdOf(job?.data),
            attempts: job?.attemptsMade,
            err: error,
          },
          job && job.attemptsMade < (job.opts.attempts ?? 1) ? 'job failed, will retry' : 'job failed',
        ),
      );
      worker.on('stalled', (jobId) => log.warn({ queue, jobId }, 'job stalled: its worker died; retaken'));
      worker.on('error', (error) => log.error({ queue, err: error }, 'worker error'));
    }
  }
  const server =
    options.healthPort === undefined
      ? undefined
      : await startHealthServer({
          port: options.healthPort,
          host: options.healthHost,
          registry: metrics.registry,
          health: () => ({ ok: workers.isRunning(), stages }),
        });
  const healthUrl = server?.url;
  let closing: Promise<void> | undefined;
  return {
    workers,
    metrics,
    healthUrl,
    close() {
      closing ??= (async () => {
        await workers.close();
        await server?.close();
        await Promise.all([...queues.values()].map((q) => q.close()));
        await queueConnection.quit().catch(() => queueConnection.disconnect());
      })();
      return closing;
    },
  };
}
