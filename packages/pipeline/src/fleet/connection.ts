import { Redis } from 'ioredis';

/**
 * A Redis connection as BullMQ needs it: no per-command retry limit (a worker waits out a Redis
 * restart instead of failing every command), and reconnects that back off up to two seconds.
 */
export function redisConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  });
}
