import { type ErrorCode, isRetryable } from './codes';

export interface ParallaxErrorOptions {
  cause?: unknown;
  /** Structured detail for logs and reports (file, url, field…). */
  details?: Record<string, unknown>;
  /** For a code whose policy is `per-error` only (see ERROR_CODES): can a retry help? Default no. */
  retryable?: boolean;
}

/**
 * Base of every error Parallax raises on purpose. `code` is one of ERROR_CODES (users and tests match
 * on it, never on the message); `retryable` follows from the code's policy and says whether running
 * the same job again can help, which maps onto BullMQ's UnrecoverableError when false.
 */
export class ParallaxError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: ParallaxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = isRetryable(code, options.retryable);
    this.details = options.details ?? {};
  }
}

export function isParallaxError(error: unknown): error is ParallaxError {
  return error instanceof ParallaxError;
}
