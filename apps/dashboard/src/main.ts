import { join } from 'node:path';
import { openStore } from '@parallax/store';
import { pino } from 'pino';
import { DEFAULT_QUEUE_NAMES, startDashboard } from './server';

/**
 * The dashboard as a service (infra/docker-compose.yml): configured by environment, logs as JSON
 * lines on stderr, stops on SIGTERM. `parallax serve` is the same app for a person at a terminal.
 *
 *   DATABASE_URL               PostgreSQL store (otherwise the embedded store under PARALLAX_HOME)
 *   PARALLAX_HOME              embedded store's data dir (default ./.parallax)
 *   PARALLAX_REPORTS_DIR       a folder of JSON reports to list too (optional)
 *   REDIS_URL                  mounts Bull Board at /queues
 *   PARALLAX_DASHBOARD_HOST    default 127.0.0.1 (a container needs 0.0.0.0, published on loopback)
 *   PARALLAX_DASHBOARD_PORT    default 4173
 */
const env = process.env;
const log = pino(
  { level: env.PARALLAX_LOG_LEVEL ?? 'info', base: { app: 'dashboard' } },
  pino.destination(2),
);

const port = Number(env.PARALLAX_DASHBOARD_PORT ?? '4173');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log.fatal({ port: env.PARALLAX_DASHBOARD_PORT }, 'PARALLAX_DASHBOARD_PORT must be a port number');
  process.exit(2);
}
const store = await openStore(
  env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, poolSize: 2 }
    : { dataDir: join(env.PARALLAX_HOME ?? '.parallax', 'db') },
);
const dashboard = await startDashboard({
  store,
  host: env.PARALLAX_DASHBOARD_HOST ?? '127.0.0.1',
  port,
  ...(env.PARALLAX_REPORTS_DIR ? { reportsDir: env.PARALLAX_REPORTS_DIR } : {}),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  queueNames: DEFAULT_QUEUE_NAMES,
});
log.info(
  { url: dashboard.url, queues: Boolean(env.REDIS_URL), store: env.DATABASE_URL ? 'postgres' : 'embedded' },
  'dashboard listening (read-only)',
);

async function stop(signal: string): Promise<void> {
  log.info({ signal }, 'stopping');
  await dashboard.close();
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
