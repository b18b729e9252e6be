import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveUserPath, userCwd } from '../inputs';
import type { Io } from '../io';

interface WorkerCommandOptions {
  stages: string;
  queue?: string;
  database?: string;
  dataDir?: string;
  concurrency?: string;
  healthPort?: string;
  allowPrivate?: boolean;
}

/**
 * `parallax worker`: the stages' BullMQ workers in this one process (a small deployment, or a
 * machine of a fleet), until SIGTERM/SIGINT, which lets in-flight jobs finish.
 */
async function workerCommand(options: WorkerCommandOptions, io: Io): Promise<void> {
  const { parseStages, startWorkerProcess, workerConfigFromEnv } = await import('@parallax/pipeline');
  const stages = parseStages(options.stages);
  const env: Record<string, string | undefined> = {
    ...process.env,
    PARALLAX_STAGES: stages.join(','),
    ...(options.queue ? { REDIS_URL: options.queue } : {}),
    ...(options.database ? { DATABASE_URL: options.database } : {}),
    PARALLAX_DATA_DIR:
      options.dataDir !== undefined
        ? join(resolveUserPath(options.dataDir), 'db')
        : (process.env.PARALLAX_DATA_DIR ??
          join(process.env.PARALLAX_HOME ?? join(userCwd(), '.parallax'), 'db')),
    ...(options.healthPort !== undefined ? { PARALLAX_HEALTH_PORT: options.healthPort } : {}),
    ...(options.allowPrivate ? { PARALLAX_ALLOW_PRIVATE_ADDRESSES: '1' } : {}),
  };
  if (options.concurrency !== undefined) {
    for (const stage of stages) env[`PARALLAX_CONCURRENCY_${stage.toUpperCase()}`] = options.concurrency;
  }
  const config = workerConfigFromEnv(env, { stages, healthPort: 9100 });
  const log = io.log.child({ name: 'parallax-worker' }, { level: process.env.PARALLAX_LOG_LEVEL ?? 'info' });
  const worker = await startWorkerProcess(config, log);
  log.info({ stages, health: worker.service.healthUrl }, 'parallax worker ready');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping: finishing in-flight jobs');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await worker.close();
}

export function registerWorkerCommand(cli: Command, io: Io): void {
  cli
    .command('worker')
    .description('run pipeline stages as BullMQ workers in this process until SIGTERM/SIGINT')
    .option('--stages <list>', 'discover,fetch,extract,compare or all', 'all')
    .option('--queue <url>', 'Redis URL (default: REDIS_URL)')
    .option('--database <url>', 'PostgreSQL URL shared by the fleet (default: DATABASE_URL)')
    .option(
      '--data-dir <dir>',
      'where the embedded store lives (one worker process only) when there is no database (default: .parallax)',
    )
    .option('--concurrency <n>', 'jobs at once per stage (default: per-stage defaults)')
    .option('--health-port <port>', 'port of GET /health and GET /metrics (0: any free port)', '9100')
    .option('--allow-private', 'fetch loopback and private addresses (replay servers, tests)')
    .action((options: WorkerCommandOptions) => workerCommand(options, io));
}
