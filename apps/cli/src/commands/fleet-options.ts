import { ConfigError, UsageError } from '@parallax/core/errors';
import { loadOptions } from '@parallax/runtime/options';
import type { Store } from '@parallax/store';

/** --queue, else the redisUrl setting (REDIS_URL): the Redis of the fleet, or undefined for an in-process run. */
export function queueUrl(option: string | undefined): string | undefined {
  if (option === undefined || option === '') return loadOptions().redisUrl;
  if (!/^rediss?:\/\//.test(option)) throw new UsageError(`--queue must be a redis:// URL (got "${option}")`);
  return option;
}

/** --database, else the databaseUrl setting (DATABASE_URL): PostgreSQL, else the embedded store in `dataDir`. */
export async function openCliStore(database: string | undefined, dataDir: string): Promise<Store> {
  const url = database ?? loadOptions().databaseUrl;
  const { openStore } = await import('@parallax/store');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('--database must be a postgres:// URL');
    return openStore({ databaseUrl: url });
  }
  return openStore({ dataDir });
}
