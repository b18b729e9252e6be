/**
 * parallax-scheduler: keeps one BullMQ job scheduler per enabled source of the sources config (YAML,
 * validated by @parallax/sources) on the discover queue: `source-<id>` on the source's cron `schedule`
 * (in its `tz`, else UTC). Each firing carries the source (endpoints, article patterns, window, agent,
 * limits), and a discover worker finds its new articles and runs them through the fleet. Re-reads the
 * file every PARALLAX_SCHEDULER_SYNC_MS (default 60 s) and on SIGHUP: changed sources replace their
 * schedulers, removed or disabled ones lose theirs; a file that does not validate keeps the schedules
 * as they were and logs file:line:column of each mistake. Environment: REDIS_URL, PARALLAX_SOURCES
 * (the YAML file, e.g. infra/sources.yaml), PARALLAX_HEALTH_PORT (default 9104), PARALLAX_HEALTH_HOST,
 * PARALLAX_LOG_LEVEL. Stops on SIGTERM/SIGINT.
 */
import { ConfigError, isParallaxError } from '@parallax/core';
import { FleetClient, startHealthServer, syncSchedules } from '@parallax/pipeline';
import { loadSourcesConfig } from '@parallax/sources';
import { pino } from 'pino';
import { Counter, Registry } from 'prom-client';

const log = pino(
  { name: 'parallax-scheduler', level: process.env.PARALLAX_LOG_LEVEL ?? 'info' },
  pino.destination(2),
);

try {
  const redisUrl = process.env.REDIS_URL;
  const file = process.env.PARALLAX_SOURCES;
  if (!redisUrl) throw new ConfigError('REDIS_URL must be set to a redis:// URL');
  if (!file)
    throw new ConfigError('PARALLAX_SOURCES must name the sources config (YAML), e.g. infra/sources.yaml');
  const intervalMs = Number(process.env.PARALLAX_SCHEDULER_SYNC_MS ?? 60_000);
  if (!Number.isInteger(intervalMs) || intervalMs < 1_000) {
    throw new ConfigError('PARALLAX_SCHEDULER_SYNC_MS must be an integer ≥ 1000');
  }
  const client = new FleetClient(redisUrl);
  const registry = new Registry();
  const syncs = new Counter({
    name: 'parallax_scheduler_syncs_total',
    help: 'Schedule syncs by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  let lastSync: { at: string; ok: boolean; schedules?: number; error?: string } | undefined;
  const sync = async () => {
    try {
      const result = await syncSchedules(client.discoverQueue, await loadSourcesConfig(file));
      lastSync = { at: new Date().toISOString(), ok: true, schedules: result.upserted.length };
      syncs.inc({ outcome: 'ok' });
      log.info(result, 'schedules synced');
    } catch (error) {
      // A bad edit of the file keeps the schedules as they were; the next sync tries again.
      lastSync = { at: new Date().toISOString(), ok: false, error: (error as Error).message };
      syncs.inc({ outcome: 'failed' });
      log.error({ err: error }, 'schedule sync failed; previous schedules kept');
    }
  };
  await sync();
  const health = await startHealthServer({
    port: Number(process.env.PARALLAX_HEALTH_PORT ?? 9104),
    host: process.env.PARALLAX_HEALTH_HOST || '127.0.0.1',
    registry,
    health: () => ({ ok: lastSync?.ok === true, lastSync }),
  });
  const timer = setInterval(sync, intervalMs);
  process.on('SIGHUP', () => void sync());
  log.info({ health: health.url, sources: file }, 'parallax-scheduler ready');
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    clearInterval(timer);
    Promise.all([health.close(), client.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
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
