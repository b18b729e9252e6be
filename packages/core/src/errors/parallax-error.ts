export interface ParallaxErrorOptions {
  cause?: unknown;
  /** Structured detail for logs and reports (file, url, field…). */
  details?: Record<string, unknown>;
}

/**
 * Base of every error Parallax raises on purpose. `code` is stable (users and tests match on it, never
 * on the message); `retryable` says whether running the same job again can help, which maps onto
 * BullMQ's UnrecoverableError when false.
 */
export class ParallaxError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, retryable: boolean, options: ParallaxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = retryable;
    this.details = options.details ?? {};
  }
}

export function isParallaxError(error: unknown): error is ParallaxError {
  return error instanceof ParallaxError;
}
