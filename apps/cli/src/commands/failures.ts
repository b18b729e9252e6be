import { UsageError } from '@parallax/core/errors';
import type { Command } from 'commander';
import type { Io } from '../io';
import { queueUrl } from './fleet-options';

interface FailuresCommandOptions {
  queue?: string;
  retry?: boolean;
  json?: boolean;
}

/** `parallax failures`: the fleet's failed jobs with their reasons; `--retry` puts them back in their queues. */
async function failuresCommand(options: FailuresCommandOptions, io: Io): Promise<void> {
  const url = queueUrl(options.queue);
  if (url === undefined) throw new UsageError('failures needs --queue redis://… (or REDIS_URL)');
  const { FleetClient } = await import('@parallax/pipeline');
  const client = new FleetClient(url);
  try {
    const jobs = options.retry ? await client.retryFailures() : await client.failures();
    if (options.json || io.json) {
      io.stdout(`${JSON.stringify(jobs, null, 2)}\n`);
      return;
    }
    if (jobs.length === 0) {
      io.stdout(options.retry ? 'No failed jobs to retry.\n' : 'No failed jobs.\n');
      return;
    }
    const lines = jobs.map(
      (j) =>
        `${j.failedAt ?? '-'}  ${j.stage.padEnd(8)}  ${j.url ?? j.id}  (${j.attemptsMade} attempts)\n    ${j.reason}`,
    );
    io.stdout(
      `${options.retry ? `Re-queued ${jobs.length} failed job(s):` : `${jobs.length} failed job(s):`}\n${lines.join('\n')}\n`,
    );
  } finally {
    await client.close();
  }
}

export function registerFailuresCommand(cli: Command, io: Io): void {
  cli
    .command('failures')
    .description('list the fleet’s failed jobs with their reasons; --retry re-queues them')
    .option('--queue <url>', 'Redis URL (default: REDIS_URL)')
    .option('--retry', 're-queue every failed job (attempts reset)')
    .option('--json', 'print the list as JSON')
    .action((options: FailuresCommandOptions) => failuresCommand(options, io));
}
