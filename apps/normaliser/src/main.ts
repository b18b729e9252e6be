/**
 * parallax-normaliser: extracts articles, statements and facts from stored snapshots (queue parallax-extract).
 * Settings: @parallax/runtime's table (README, "Worker apps"), by default the stages ['extract'] and
 * health port 9102. Stops gracefully on SIGTERM/SIGINT: in-flight jobs finish, then it exits.
 */
import { startWorkerProcess, workerConfig } from '@parallax/pipeline';
import { runApp } from '@parallax/runtime';

await runApp('parallax-normaliser', async ({ log, options }) => {
  const config = workerConfig(options, { stages: ['extract'], healthPort: 9102 });
  const worker = await startWorkerProcess(config, log);
  return {
    ready: { stages: config.service.stages, health: worker.service.healthUrl },
    stopping: 'finishing in-flight jobs',
    close: () => worker.close(),
  };
});
