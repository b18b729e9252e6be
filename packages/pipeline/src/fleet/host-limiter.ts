import type { HostLimiter, ReleaseSlot } from '@parallax/fetch';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-host politeness for the whole fleet: the request budget of a host lives in Redis, so every
 * worker on every machine draws from the same one (at most `requestsPerSecond` request starts per
 * host per second, however many fetch workers run). A worker that finds the budget spent waits until
 * Redis says the next slot opens.
 */
export class RedisHostLimiter implements HostLimiter {
  readonly #limiter: RateLimiterRedis;
  readonly #redis: Redis;

  constructor(redis: Redis, requestsPerSecond: number) {
    if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1)) {
      throw new RangeError('requestsPerSecond must be a positive integer');
    }
    this.#redis = redis;
    this.#limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'parallax-host',
      points: requestsPerSecond,
      duration: 1,
    });
  }

  async acquire(host: string): Promise<ReleaseSlot> {
    for (;;) {
      try {
        await this.#limiter.consume(host);
        return () => {};
      } catch (rejection) {
        // Anything but a "budget spent" answer (Redis down) propagates: the job fails and is retried.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        await sleep(Math.max(rejection.msBeforeNext, 5));
      }
    }
  }

  async holdUntil(host: string, untilMs: number): Promise<void> {
    const seconds = Math.ceil((untilMs - Date.now()) / 1000);
    if (seconds > 0) await this.#limiter.block(host, seconds);
  }

  /** For tests: how many request starts `host` has left in the current second. */
  async remaining(host: string): Promise<number> {
    const res = await this.#limiter.get(host);
    return res === null ? this.#limiter.points : res.remainingPoints;
  }

  get redis(): Redis {
    return this.#redis;
  }
}
