import { isParallaxError, ParallaxError } from '@parallax/core';
import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';

/**
 * What BullMQ should do with an error: core's typed errors say whether a retry can help; those that
 * cannot become UnrecoverableError (no further attempts). Anything untyped is retried, since a
 * crash-only bug and a transient failure look alike from here and attempts are bounded.
 */
export function forQueue(error: unknown): Error {
  if (isParallaxError(error) && !error.retryable) {
    return new UnrecoverableError(`${error.code}: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A payload that fails its schema will never succeed: unrecoverable, with the schema's complaint. */
export function parsePayload<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw forQueue(new ParallaxError('PARALLAX_JOB_INVALID', `${what}: ${issues}`, { cause: result.error }));
  }
  return result.data;
}
