/**
 * parallax-scraper: discovers sources and fetches pages (queues parallax-discover, parallax-fetch).
 * Settings: @parallax/runtime's table (README, "Worker apps"), by default the stages ['discover', 'fetch'] and
 * health port 9101. Stops gracefully on SIGTERM/SIGINT: in-flight jobs finish, then it exits.
 */
import { startWorkerProcess, workerConfig } from '@parallax/pipeline';
import { runApp } from '@parallax/runtime';

await runApp('parallax-scraper', async ({ log, options }) => {
  const config = workerConfig(options, { stages: ['discover', 'fetch'], healthPort: 9101 });
  const worker = await startWorkerProcess(config, log);
  return {
    ready: { stages: config.service.stages, health: worker.service.healthUrl },
    stopping: 'finishing in-flight jobs',
    close: () => worker.close(),
  };
});
