/**
 * parallax-normaliser: extracts articles, statements and facts from stored snapshots (queue parallax-extract).
 * Configured by environment variables (see workerConfigFromEnv): REDIS_URL, DATABASE_URL,
 * PARALLAX_CONCURRENCY_<STAGE>, PARALLAX_HEALTH_PORT (default 9102), PARALLAX_HOST_RPS…
 * Stops gracefully on SIGTERM/SIGINT: in-flight jobs finish, then it exits.
 */
import { isParallaxError } from '@parallax/core';
import { startWorkerProcess, workerConfigFromEnv } from '@parallax/pipeline';
import { pino } from 'pino';

// A worker logs two or three lines per document (its jobs): they are written out in batches, not with
// a write(2) each (that cost ~2% of a worker's CPU on the 1,008-document bench). A line waits at most
// 200 ms, and whatever is buffered is written before the process exits on its own.
const destination = pino.destination({ dest: 2, sync: false, minLength: 8 * 1024 });
const log = pino(
  {
    name: 'parallax-normaliser',
    level: process.env.PARALLAX_LOG_LEVEL ?? 'info',
    // Warnings and errors go out at once, not with the next batch.
    hooks: {
      logMethod(args, method, level) {
        method.apply(this, args);
        if (level >= 40) destination.flush();
      },
    },
  },
  destination,
);
setInterval(() => destination.flush(), 200).unref();
const exit = (code: number) => {
  // Out with the buffer and any write in flight first; a stuck stderr must not hold the exit up.
  setTimeout(() => process.exit(code), 2_000).unref();
  destination.flush(() => process.exit(code));
};

try {
  const config = workerConfigFromEnv(process.env, { stages: ['extract'], healthPort: 9102 });
  const worker = await startWorkerProcess(config, log);
  log.info({ stages: config.service.stages, health: worker.service.healthUrl }, 'parallax-normaliser ready');
  destination.flush();
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping: finishing in-flight jobs');
    worker.close().then(
      () => exit(0),
      (error: Error) => {
        log.error({ err: error.message }, 'unclean stop');
        exit(1);
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
  exit(isParallaxError(error) && error.code === 'PARALLAX_CONFIG_INVALID' ? 2 : 1);
}
