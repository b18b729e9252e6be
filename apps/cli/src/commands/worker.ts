import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveUserPath } from '../inputs';
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
 * machine of a fleet), until SIGTERM/SIGINT, which lets in-flight jobs finish (within
 * PARALLAX_DRAIN_MS). Its settings are the worker apps' (file < environment < these flags).
 */
async function workerCommand(options: WorkerCommandOptions, io: Io): Promise<void> {
  const { parseStages, startWorkerProcess, workerConfig } = await import('@parallax/pipeline');
  const { drain, homeDir, loadOptions, untilStopped } = await import('@parallax/runtime');
  const stages = parseStages(options.stages);
  const settings = loadOptions({
    flags: {
      stages: stages.join(','),
      redisUrl: options.queue,
      databaseUrl: options.database,
      dataDir: options.dataDir === undefined ? undefined : join(resolveUserPath(options.dataDir), 'db'),
      concurrency:
        options.concurrency === undefined
          ? undefined
          : Object.fromEntries(stages.map((stage) => [stage, options.concurrency as string])),
      healthPort: options.healthPort,
      allowPrivateAddresses: options.allowPrivate || undefined,
    },
  });
  const config = workerConfig(
    { ...settings, dataDir: settings.dataDir ?? join(homeDir(settings), 'db') },
    { stages, healthPort: 9100 },
  );
  const log = io.log.child({ name: 'parallax-worker' }, { level: settings.logLevel });
  const stopped = untilStopped();
  const worker = await startWorkerProcess(config, log);
  log.info({ stages, health: worker.service.healthUrl }, 'parallax worker ready');
  const signal = await stopped;
  log.info({ signal }, 'stopping: finishing in-flight jobs');
  await drain(() => worker.close(), settings.drainMs);
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
    .option('--health-port <port>', 'port of GET /health and GET /metrics (0: any free port; default 9100)')
    .option('--allow-private', 'fetch loopback and private addresses (replay servers, tests)')
    .action((options: WorkerCommandOptions) => workerCommand(options, io));
}
