import { join } from 'node:path';
import { ParallaxError, UsageError } from '@parallax/core';
import { DEFAULT_QUEUE_NAMES, startDashboard } from '@parallax/dashboard';
import { loadOptions, untilStopped } from '@parallax/runtime';
import { openStore } from '@parallax/store';
import { resolveUserPath } from '../inputs';
import type { Io } from '../io';

export interface ServeOptions {
  port: string;
  host: string;
  dataDir: string;
  reports: string;
  database?: string;
  redisUrl?: string;
  queues?: string;
}

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(
      `--port takes a number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value)}`,
    );
  }
  return Number(value);
}

/**
 * `parallax serve`: the read-only dashboard over the embedded store (and the reports folder), on
 * loopback unless --host says otherwise, with Bull Board at /queues when a Redis URL is given.
 */
export async function serveCommand(flags: ServeOptions, io: Io): Promise<void> {
  const port = parsePort(flags.port);
  // The Redis and database URLs are settings of the one table: these flags, else the environment.
  const settings = loadOptions({ flags: { databaseUrl: flags.database, redisUrl: flags.redisUrl } });
  const options = { ...flags, database: settings.databaseUrl, redisUrl: settings.redisUrl };
  // Listening for Ctrl-C from the start: one that comes while the store opens stops cleanly too. The
  // other two causes of exit 130 under `pnpm parallax` are in the root package.json's script: `exec`,
  // so that no shell sits between pnpm and the CLI, and `node --import tsx` instead of tsx's CLI.
  const stopped = untilStopped();
  // The embedded store belongs to one process at a time: while a demo or run holds it, serve from
  // PostgreSQL (--database) or after the run ends.
  const store = await openStore(
    options.database
      ? { databaseUrl: options.database, poolSize: 2 }
      : { dataDir: join(resolveUserPath(options.dataDir), 'db') },
  );
  try {
    const dashboard = await startDashboard({
      store,
      host: options.host,
      port,
      reportsDir: resolveUserPath(options.reports),
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      queueNames: options.queues
        ? options.queues
            .split(',')
            .map((q) => q.trim())
            .filter(Boolean)
        : DEFAULT_QUEUE_NAMES,
    }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        throw new UsageError(`port ${port} is already in use on ${options.host}: choose another with --port`);
      }
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
        throw new UsageError(`cannot listen on ${options.host}: not an address of this machine`);
      }
      throw error instanceof ParallaxError
        ? error
        : new ParallaxError('PARALLAX_SERVE_FAILED', String(error), { cause: error });
    });
    if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
      io.log.warn(
        { host: options.host },
        'the dashboard has no login: anyone who can reach this address can read every stored report',
      );
    }
    if (io.json)
      io.stdout(
        `${JSON.stringify({ url: dashboard.url, readOnly: true, queues: Boolean(options.redisUrl) })}\n`,
      );
    else if (!io.quiet) {
      io.stdout(
        `Parallax dashboard (read-only) on ${dashboard.url}${options.redisUrl ? ` — queues at ${dashboard.url}/queues/` : ''}\nPress Ctrl-C to stop.\n`,
      );
    }
    const signal = await stopped;
    io.log.info({ signal }, 'stopping the dashboard');
    await dashboard.close();
  } finally {
    await store.close();
  }
}
