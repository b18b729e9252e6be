import { join } from 'node:path';
import { homeDir, runApp } from '@parallax/runtime';
import { openStore } from '@parallax/store';
import { DEFAULT_QUEUE_NAMES, startDashboard } from './server';

/**
 * The dashboard as a service (infra/docker-compose.yml): settings from @parallax/runtime's table
 * (DATABASE_URL, else the embedded store under PARALLAX_HOME; PARALLAX_REPORTS_DIR; REDIS_URL mounts
 * Bull Board at /queues; PARALLAX_DASHBOARD_HOST, default 127.0.0.1 — a container needs 0.0.0.0,
 * published on loopback; PARALLAX_DASHBOARD_PORT, default 4173), logs as JSON lines on stderr, stops
 * on SIGTERM. `parallax serve` is the same app for a person at a terminal.
 */
await runApp('parallax-dashboard', async ({ options }) => {
  const store = await openStore(
    options.databaseUrl
      ? { databaseUrl: options.databaseUrl, poolSize: 2 }
      : { dataDir: join(homeDir(options), 'db') },
  );
  try {
    const dashboard = await startDashboard({
      store,
      host: options.dashboardHost,
      port: options.dashboardPort,
      ...(options.reportsDir ? { reportsDir: options.reportsDir } : {}),
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      queueNames: DEFAULT_QUEUE_NAMES,
    });
    return {
      ready: {
        url: dashboard.url,
        queues: Boolean(options.redisUrl),
        store: options.databaseUrl ? 'postgres' : 'embedded',
        readOnly: true,
      },
      close: async () => {
        await dashboard.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
});
