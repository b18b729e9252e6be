/**
 * parallax-scheduler: keeps one BullMQ job scheduler per enabled source of the sources config (YAML,
 * validated by @parallax/sources) on the discover queue: `source-<id>` on the source's cron `schedule`
 * (in its `tz`, else UTC). Each firing carries the source (endpoints, article patterns, window, agent,
 * limits), and a discover worker finds its new articles and runs them through the fleet. Re-reads the
 * file every PARALLAX_SCHEDULER_SYNC_MS (default 60 s) and on SIGHUP: changed sources replace their
 * schedulers, removed or disabled ones lose theirs; a file that does not validate keeps the schedules
 * as they were and logs file:line:column of each mistake. Settings: @parallax/runtime's table
 * (REDIS_URL, PARALLAX_SOURCES, PARALLAX_HEALTH_PORT default 9104…). Stops on SIGTERM/SIGINT.
 */
import { ConfigError } from '@parallax/core';
import { FleetClient, syncSchedules } from '@parallax/pipeline';
import { runApp, startHealthServer } from '@parallax/runtime';
import { loadSourcesConfig } from '@parallax/sources';
import { Counter, Registry } from 'prom-client';

await runApp('parallax-scheduler', async ({ log, options }) => {
  const { redisUrl, sources: file } = options;
  if (!redisUrl) throw new ConfigError('REDIS_URL must be set to a redis:// URL');
  if (!file)
    throw new ConfigError('PARALLAX_SOURCES must name the sources config (YAML), e.g. infra/sources.yaml');
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
    port: options.healthPort ?? 9104,
    host: options.healthHost,
    registry,
    health: () => ({ ok: lastSync?.ok === true, lastSync }),
  });
  const timer = setInterval(sync, options.schedulerSyncMs);
  process.on('SIGHUP', () => void sync());
  return {
    ready: { health: health.url, sources: file },
    close: async () => {
      clearInterval(timer);
      await Promise.all([health.close(), client.close()]);
    },
  };
});
