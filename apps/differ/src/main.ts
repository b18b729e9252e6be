/**
 * parallax-differ: groups events, aligns, compares and stores each run's report (queue parallax-compare).
 * Settings: @parallax/runtime's table (README, "Worker apps"), by default the stages ['compare'] and
 * health port 9103. Stops gracefully on SIGTERM/SIGINT: in-flight jobs finish, then it exits.
 */
import { startWorkerProcess, workerConfig } from '@parallax/pipeline';
import { runApp } from '@parallax/runtime';

await runApp('parallax-differ', async ({ log, options }) => {
  const config = workerConfig(options, { stages: ['compare'], healthPort: 9103 });
  const worker = await startWorkerProcess(config, log);
  return {
    ready: { stages: config.service.stages, health: worker.service.healthUrl },
    stopping: 'finishing in-flight jobs',
    close: () => worker.close(),
  };
});
