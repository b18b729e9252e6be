/**
 * parallax-scraper: discovers sources and fetches pages (queues parallax-discover, parallax-fetch).
 * Configured by environment variables (see workerConfigFromEnv): REDIS_URL, DATABASE_URL,
 * PARALLAX_CONCURRENCY_<STAGE>, PARALLAX_HEALTH_PORT (default 9101), PARALLAX_HOST_RPS…
 * Stops gracefully on SIGTERM/SIGINT: in-flight jobs finish, then it exits.
 */
import { isParallaxError } from '@parallax/core';
import { startWorkerProcess, workerConfigFromEnv } from '@parallax/pipeline';
import { pino } from 'pino';

const log = pino(
  { name: 'parallax-scraper', level: process.env.PARALLAX_LOG_LEVEL ?? 'info' },
  pino.destination(2),
);

try {
  const config = workerConfigFromEnv(process.env, { stages: ['discover', 'fetch'], healthPort: 9101 });
  const worker = await startWorkerProcess(config, log);
  log.info({ stages: config.service.stages, health: worker.service.healthUrl }, 'parallax-scraper ready');
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping: finishing in-flight jobs');
    worker.close().then(
      () => process.exit(0),
      (error: Error) => {
        log.error({ err: error.message }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  log.fatal(
    { code: isParallaxError(error) ? error.code : 'PARALLAX_INTERNAL' },
    error instanceof Error ? error.message : String(error),
  );
  process.exit(isParallaxError(error) && error.code === 'PARALLAX_CONFIG_INVALID' ? 2 : 1);
}
