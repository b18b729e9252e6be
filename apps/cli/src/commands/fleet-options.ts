import { ConfigError, UsageError } from '@parallax/core';
import type { Store } from '@parallax/store';

/** --queue / REDIS_URL: the Redis of the fleet, or undefined for an in-process run. */
export function queueUrl(option: string | undefined): string | undefined {
  const url = option ?? process.env.REDIS_URL;
  if (url === undefined || url === '') return undefined;
  if (!/^rediss?:\/\//.test(url)) throw new UsageError(`--queue must be a redis:// URL (got "${url}")`);
  return url;
}

/** --database / DATABASE_URL (PostgreSQL), else the embedded store in `dataDir`. */
export async function openCliStore(database: string | undefined, dataDir: string): Promise<Store> {
  const url = database ?? process.env.DATABASE_URL;
  const { openStore } = await import('@parallax/store');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('--database must be a postgres:// URL');
    return openStore({ databaseUrl: url });
  }
  return openStore({ dataDir });
}
